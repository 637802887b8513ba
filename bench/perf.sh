#!/usr/bin/env bash
# Side-by-side benchmark of Larder and nginx serving the same bytes (run by hand; see bench/README.md).
#   bench/perf.sh                 # all cases, 3 rounds of 10 s each
#   ROUNDS=1 DURATION=5s bench/perf.sh
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v wrk >/dev/null || missing+=(wrk)
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi
[ -f server/target/larder-server.jar ] || mvn -B -q -pl server -am package -DskipTests
exec python3 bench/perf.py "$@"
