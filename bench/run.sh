#!/usr/bin/env bash
# Raises the open-file limit (20,000 sockets need as many descriptors on each side), then runs
# the scenarios named on the command line (all when none).
set -euo pipefail
# Raise the hard limit where allowed (root, or a generous limits.conf), then the soft one to it.
ulimit -Hn 200000 2>/dev/null || true
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
# The connections scenario stays under this limit (each side needs a descriptor per socket).
export BENCH_FD_LIMIT="${BENCH_FD_LIMIT:-$(ulimit -n)}"
cd "$(dirname "$0")/.."
exec node --import tsx bench/run.ts "$@"
