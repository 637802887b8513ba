#!/usr/bin/env bash
# Benchmark (run by hand): a mirror of a local upstream (python3 -m http.server, HTML pages) and reports the cold
# (first) and warm latency of a project page with 500 files, and cold (pulled through) and warm download
# throughput of one large file. Needs ~1 GiB free in $TMPDIR.
#   bench/mirror.sh
#   FILE_MIB=512 REQUESTS=5000 bench/mirror.sh
set -euo pipefail
cd "$(dirname "$0")/.."

FILE_MIB=${FILE_MIB:-256}
REQUESTS=${REQUESTS:-2000}
PORT=${PORT:-18081}
UPSTREAM_PORT=${UPSTREAM_PORT:-18082}
source bench/lib.sh

echo "== building the upstream: one project page of 500 files, one ${FILE_MIB} MiB wheel"
python3 - "$WORK/upstream" "$FILE_MIB" <<'PY'
import hashlib, os, sys
root, size_mib = sys.argv[1], int(sys.argv[2])
os.makedirs(f"{root}/simple/benchproj", exist_ok=True)
os.makedirs(f"{root}/files", exist_ok=True)
big = f"{root}/files/benchproj-1.0-py3-none-any.whl"
h = hashlib.sha256()
chunk = os.urandom(1 << 20)
with open(big, "wb") as f:
    for _ in range(size_mib):
        f.write(chunk)
        h.update(chunk)
links = [f'<a href="../../files/benchproj-1.0-py3-none-any.whl#sha256={h.hexdigest()}" '
         f'data-requires-python="&gt;=3.8">benchproj-1.0-py3-none-any.whl</a><br/>']
for i in range(499):
    fake = hashlib.sha256(str(i).encode()).hexdigest()
    links.append(f'<a href="../../files/benchproj-0.{i}.tar.gz#sha256={fake}">benchproj-0.{i}.tar.gz</a><br/>')
with open(f"{root}/simple/benchproj/index.html", "w") as f:
    f.write("<!DOCTYPE html><html><body>\n" + "\n".join(links) + "\n</body></html>\n")
PY
start_upstream "$UPSTREAM_PORT" /simple/benchproj/

echo "== starting the server"
start_larder "$PORT" "http://127.0.0.1:$UPSTREAM_PORT/simple/" -Xmx512m

echo "== measuring"
python3 - "$PORT" "$REQUESTS" <<'PY'
import http.client, json, statistics, sys, time
port, requests = int(sys.argv[1]), int(sys.argv[2])
accept = {"Accept": "application/vnd.pypi.simple.v1+json"}
conn = http.client.HTTPConnection("127.0.0.1", port)

def get(path, headers=accept):
    start = time.perf_counter()
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    return time.perf_counter() - start, response.status, body

cold, status, body = get("/root/pypi/+simple/benchproj/")
assert status == 200, status
files = json.loads(body)["files"]
print(f"project page, {len(files)} files: cold (fetched from upstream) {cold * 1000:.1f} ms")
warm = sorted(get("/root/pypi/+simple/benchproj/")[0] for _ in range(requests))
q = lambda p: warm[min(len(warm) - 1, int(p * len(warm)))] * 1000
print(f"project page warm, {requests} sequential requests: p50 {q(0.5):.2f} ms, p99 {q(0.99):.2f} ms, "
      f"mean {statistics.mean(warm) * 1000:.2f} ms, {requests / sum(warm):.0f} requests/s")
url = "/root/pypi/" + files[0]["url"].removeprefix("../../")
for label in ("cold (pulled through from upstream)", "warm (from the blob store)"):
    seconds, status, body = get(url, {})
    assert status == 200, status
    print(f"file download {label}: {len(body) / 1e6:.0f} MB in {seconds:.2f} s = {len(body) / 1e6 / seconds:.0f} MB/s")
PY
