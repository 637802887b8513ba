#!/usr/bin/env bash
# Benchmark (run by hand): the web pages at scale (issue 8). Builds, straight into the database, an index of
# 100,000 synthetic projects (names and summaries from a 300-word vocabulary) and a project of 5,000 files
# (1,000 releases x 5 files), lets the server list them on start (the same backfill an upgraded database gets),
# then reports warm p50/p99 of the project page, a version page, the index page and searches.
#   bench/web.sh
#   PROJECTS=20000 REQUESTS=500 bench/web.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PROJECTS=${PROJECTS:-100000}
REQUESTS=${REQUESTS:-300}
PORT=${PORT:-18085}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
source bench/lib.sh

start_server() {
  start_larder "$PORT" http://127.0.0.1:9/simple/ $JAVA_OPTS
}

echo "== creating user and indexes"
start_server
ROOT="root:$ROOT_PASSWORD"
curl -sf -u "$ROOT" -X PUT -H 'Content-Type: application/json' -d '{"password": "bench-password"}' \
  "http://127.0.0.1:$PORT/+api/users/bench" >/dev/null
for index in many big; do
  curl -sf -u "$ROOT" -X PUT -H 'Content-Type: application/json' -d '{}' \
    "http://127.0.0.1:$PORT/+api/indexes/bench/$index" >/dev/null
done
stop_larder

echo "== writing $PROJECTS projects and a 5,000-file project into the database"
python3 - "$WORK" "$PROJECTS" <<'PY'
import csv, hashlib, random, sys
work, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(8)
words = ("data json http async fast simple client server parser tool kit api cloud test mock web html xml yaml "
         "config log logging cache queue task worker stream event file path image text time date crypto hash auth "
         "token user admin model schema sql db orm graph plot chart math stats numeric array frame table csv excel "
         "pdf zip tar archive compress network socket proxy dns mail smtp ftp ssh shell cli terminal color format "
         "lint style type check validate serialize deploy build package index mirror sync copy backup storage s3 "
         "azure gcp aws docker kube helm vault secret key signal audio video media render template view form route "
         "rest rpc grpc graphql websocket retry rate limit circuit breaker metrics trace monitor alert health probe "
         "search query filter sort merge diff patch version semver release changelog doc docs sphinx markdown wiki "
         "blog site static asset bundle minify lazy memo pool thread process parallel concurrent lock mutex atomic "
         "vector matrix tensor learn neural train predict cluster classify regress sample random seed noise fake "
         "faker factory fixture plugin hook extension adapter bridge driver engine runtime loader importer exporter "
         "reader writer encoder decoder codec unicode locale i18n translate geo map tile shape color theme icon "
         "font layout grid widget button dialog menu game sprite physics robot sensor serial usb bluetooth gpio").split()
with open(f"{work}/projects.csv", "w", newline="") as f:
    out = csv.writer(f)
    out.writerow(["NAME", "SUMMARY"])
    for i in range(count):
        name = f"{rng.choice(words)}-{rng.choice(words)}-{i}"
        summary = " ".join(rng.choice(words) for _ in range(8)).capitalize() + "."
        out.writerow([name, summary])
with open(f"{work}/big.csv", "w", newline="") as f:
    out = csv.writer(f)
    out.writerow(["VERSION", "FILENAME", "SHA256"])
    tags = ["py3-none-any", "cp311-cp311-manylinux_2_17_x86_64", "cp311-cp311-macosx_11_0_arm64", "cp311-cp311-win_amd64"]
    for major in range(10):
        for minor in range(100):
            version = f"{major}.{minor}"
            names = [f"bigproject-{version}.tar.gz"] + [f"bigproject-{version}-{t}.whl" for t in tags]
            for name in names:
                out.writerow([version, name, hashlib.sha256(name.encode()).hexdigest()])
PY
cat > "$WORK/load.sql" <<SQL
SET @many = (SELECT i.id FROM indexes i JOIN users u ON u.id = i.owner_id WHERE u.name = 'bench' AND i.name = 'many');
SET @big = (SELECT i.id FROM indexes i JOIN users u ON u.id = i.owner_id WHERE u.name = 'bench' AND i.name = 'big');
INSERT INTO projects (index_id, name, display_name, created_at)
  SELECT @many, NAME, NAME, CURRENT_TIMESTAMP FROM CSVREAD('$WORK/projects.csv');
INSERT INTO releases (project_id, version, release_key, summary, requires_dist, yanked, created_at)
  SELECT p.id, '1.0', '1', c.SUMMARY, '[]', FALSE, CURRENT_TIMESTAMP
  FROM CSVREAD('$WORK/projects.csv') c JOIN projects p ON p.index_id = @many AND p.name = c.NAME;
INSERT INTO projects (index_id, name, display_name, created_at) VALUES (@big, 'bigproject', 'bigproject', CURRENT_TIMESTAMP);
INSERT INTO releases (project_id, version, release_key, summary, requires_dist, yanked, created_at)
  SELECT DISTINCT (SELECT id FROM projects WHERE index_id = @big), VERSION,
         CASE WHEN VERSION LIKE '%.0' THEN LEFT(VERSION, LENGTH(VERSION) - 2) ELSE VERSION END,
         'A project of 5,000 files', '[]', FALSE,
         CURRENT_TIMESTAMP FROM CSVREAD('$WORK/big.csv');
INSERT INTO blobs (sha256, size, kind, created_at, last_access)
  SELECT SHA256, 1000, 'uploaded', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM CSVREAD('$WORK/big.csv');
INSERT INTO files (release_id, index_id, filename, packagetype, python_version, sha256, md5, blake2b_256, size,
                   upload_time)
  SELECT r.id, @big, c.FILENAME, CASE WHEN c.FILENAME LIKE '%.whl' THEN 'bdist_wheel' ELSE 'sdist' END, 'py3',
         c.SHA256, LEFT(c.SHA256, 32), c.SHA256, 1000, CURRENT_TIMESTAMP
  FROM CSVREAD('$WORK/big.csv') c
  JOIN releases r ON r.version = c.VERSION AND r.project_id = (SELECT id FROM projects WHERE index_id = @big);
SQL
time java -cp "$JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$WORK/data/db/larder" -user sa -script "$WORK/load.sql"

echo "== starting the server; it lists the $((PROJECTS + 1)) new projects in the background"
start_server
for _ in $(seq 1 3000); do grep -q 'Listed [0-9]* projects\|@Async' "$WORK/server.log" && break; sleep 0.2; done
grep -o 'Listed [0-9]* projects.*' "$WORK/server.log" || { grep -A3 '@Async' "$WORK/server.log" >&2; exit 1; }

echo "== measuring ($REQUESTS warm requests each, one connection)"
python3 - "$PORT" "$REQUESTS" <<'PY'
import http.client, statistics, sys, time
port, requests = int(sys.argv[1]), int(sys.argv[2])
conn = http.client.HTTPConnection("127.0.0.1", port)

def get(path):
    start = time.perf_counter()
    conn.request("GET", path, headers={"Accept": "text/html"})
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"{path}: {response.status} {body[:300]!r}")
    return (time.perf_counter() - start) * 1000, body

cases = [
    ("project page, 5,000 files (latest version)", "/bench/big/bigproject/"),
    ("version page of the same project", "/bench/big/bigproject/5.50/"),
    ("index page of 100,000 projects, page 1", "/bench/many/"),
    ("index page, page 1000", "/bench/many/?page=1000"),
    ("search: exact name", "/+search?q=json-parser-77"),
    ("search: name prefix 'json-'", "/+search?q=json-"),
    ("search: two summary words", "/+search?q=fast+parser"),
    ("search: one common word", "/+search?q=cache"),
]
print(f"{'case':46} {'first ms':>9} {'p50 ms':>8} {'p99 ms':>8} {'bytes':>8}")
for label, path in cases:
    first, body = get(path)
    times = sorted(get(path)[0] for _ in range(requests))
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"{label:46} {first:9.1f} {statistics.median(times):8.1f} {p99:8.1f} {len(body):8d}")
PY
echo "server RSS: $(ps -o rss= -p "$SERVER_PID" | awk '{printf "%.0f MiB", $1/1024}')"
