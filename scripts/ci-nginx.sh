#!/usr/bin/env bash
# Two API nodes behind nginx on loopback, sharing one throwaway PostgreSQL database and Redis, with
# deploy/nginx.conf in front of them; then the load-balanced end-to-end test through nginx.
# Installs nginx from Debian's packages when it is missing. Ports: LB_PORT (3100), NODE_A_PORT
# (3101), NODE_B_PORT (3102). Database and Redis: CI_DATABASE_URL, CI_REDIS_URL.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

lb_port=${LB_PORT:-3100}
a_port=${NODE_A_PORT:-3101}
b_port=${NODE_B_PORT:-3102}
base_db=${CI_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
redis_url=${CI_REDIS_URL:-redis://127.0.0.1:6379}
say() { printf '[ci-nginx] %s\n' "$*"; }

nginx_bin=$(command -v nginx || true)
[ -z "$nginx_bin" ] && [ -x /usr/sbin/nginx ] && nginx_bin=/usr/sbin/nginx
if [ -z "$nginx_bin" ]; then
  say "installing nginx from the Debian packages"
  sudo_=""
  [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq nginx >/dev/null
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
fi

for port in "$lb_port" "$a_port" "$b_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    say "port $port is in use; set LB_PORT / NODE_A_PORT / NODE_B_PORT"
    exit 1
  fi
done

work=$(mktemp -d)
chmod 755 "$work"
db_name="chat_e2e_$$_$RANDOM"
pids=()
pg_admin() {
  BASE="$base_db" SQL="$1" node --input-type=module -e "
    import pg from 'pg';
    const c = new pg.Client({ connectionString: process.env.BASE });
    await c.connect(); await c.query(process.env.SQL); await c.end();"
}
cleanup() {
  local code=$?
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$code" -ne 0 ]; then
    for log in "$work"/*.log; do [ -f "$log" ] && { say "--- $log"; tail -n 40 "$log"; }; done
  fi
  pg_admin "DROP DATABASE IF EXISTS $db_name WITH (FORCE)" || true
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT INT TERM

say "throwaway database $db_name"
pg_admin "CREATE DATABASE $db_name"
db_url=$(BASE="$base_db" NAME="$db_name" node -e 'const u = new URL(process.env.BASE); u.pathname = "/" + process.env.NAME; console.log(u.toString())')

node_env=(
  NODE_ENV=production LOG_LEVEL=warn HOST=127.0.0.1
  DATABASE_URL="$db_url" REDIS_URL="$redis_url" REDIS_PREFIX="e2e-$$"
  JWT_SECRET="$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')"
  ENCRYPTION_KEY="$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')" MAIL_OUTBOX=true
  PUBLIC_URL="http://127.0.0.1:$lb_port" TRUST_PROXY=127.0.0.1 DATA_DIR="$work/data"
)
wait_ready() {
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "$1/readyz" 2>/dev/null && return 0
    sleep 0.2
  done
  say "$1 did not become ready"
  return 1
}
start_node() {
  env "${node_env[@]}" PORT="$1" node --import tsx src/server.ts >"$work/node-$1.log" 2>&1 &
  pids+=($!)
  wait_ready "http://127.0.0.1:$1"
}
say "node A on $a_port (runs the migrations), node B on $b_port"
start_node "$a_port"
start_node "$b_port"

mkdir -p "$work/nginx-tmp"
chmod 777 "$work/nginx-tmp"
sed -e "s/listen 80;/listen 127.0.0.1:$lb_port;/" \
  -e "s/127\.0\.0\.1:3101/127.0.0.1:$a_port/" -e "s/127\.0\.0\.1:3102/127.0.0.1:$b_port/" \
  deploy/nginx.conf >"$work/chat.conf"
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log $work/nginx-access.log;
  client_body_temp_path $work/nginx-tmp/body;
  proxy_temp_path $work/nginx-tmp/proxy;
  fastcgi_temp_path $work/nginx-tmp/fastcgi;
  uwsgi_temp_path $work/nginx-tmp/uwsgi;
  scgi_temp_path $work/nginx-tmp/scgi;
  include $work/chat.conf;
}
CONF
"$nginx_bin" -t -q -p "$work" -c "$work/nginx.conf"
"$nginx_bin" -p "$work" -c "$work/nginx.conf"
wait_ready "http://127.0.0.1:$lb_port"
say "nginx on $lb_port in front of both nodes"

E2E_BASE_URL="http://127.0.0.1:$lb_port" \
E2E_NODE_URLS="http://127.0.0.1:$a_port,http://127.0.0.1:$b_port" \
E2E_OUTBOX="$work/data/outbox" \
  timeout 600 node --import tsx --test --test-force-exit test/e2e/load-balanced.test.ts
say "load-balanced end-to-end: ok"
