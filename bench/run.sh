#!/usr/bin/env bash
# Raises the open-file limit (20,000 sockets need as many descriptors on each side), then runs
# the scenarios named on the command line (all when none).
set -euo pipefail
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
cd "$(dirname "$0")/.."
exec node --import tsx bench/run.ts "$@"
