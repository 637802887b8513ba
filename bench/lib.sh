# What the bench scripts share: a work folder, the server jar, starting Larder (and a static upstream) and
# stopping them on exit. Source it from the repository root: `source bench/lib.sh`.

BENCH_PIDS=()
WORK=$(mktemp -d "${TMPDIR:-/tmp}/larder-bench.XXXXXX")
JAR=server/target/larder-server.jar
ROOT_PASSWORD=bench-root-password
trap 'kill "${BENCH_PIDS[@]}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -f "$JAR" ] || mvn -B -q -pl server -am package -DskipTests

# start_larder PORT UPSTREAM_URL [java options...]: starts the server on $WORK/data (log in $WORK/server.log),
# sets SERVER_PID and waits for /+health. Extra LARDER_* settings come from the caller's environment.
start_larder() {
  local port=$1 upstream=$2
  shift 2
  LARDER_DATA_DIR="$WORK/data" LARDER_PORT=$port LARDER_BIND_ADDRESS=127.0.0.1 LARDER_ROOT_PASSWORD=$ROOT_PASSWORD \
    LARDER_UPSTREAM_URL=$upstream java "$@" -jar "$JAR" >> "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  BENCH_PIDS+=("$SERVER_PID")
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/+health" >/dev/null && return; sleep 0.1; done
  echo "the server did not start in 60 s; its log:" >&2
  tail -20 "$WORK/server.log" >&2
  exit 1
}

stop_larder() {
  kill "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
}

# start_upstream PORT PROBE_PATH: serves $WORK/upstream as a static simple index and waits until PROBE_PATH answers.
start_upstream() {
  local port=$1 probe=$2
  python3 -m http.server --bind 127.0.0.1 --directory "$WORK/upstream" "$port" > "$WORK/upstream.log" 2>&1 &
  BENCH_PIDS+=("$!")
  for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port$probe" >/dev/null && return; sleep 0.1; done
  echo "the static upstream did not start" >&2
  exit 1
}
