#!/usr/bin/env bash
# Benchmark (run by hand): a project with 2,000 versions and 20,000 files, seen through three levels of
# inheritance (team/feature -> team/dev -> team/prod -> root/pypi), merged with one private release. Reports the
# first render (upstream fetch, parse, merge, render), warm p50/p99 latency, and a render after an upload
# invalidated the merge (no upstream fetch).
#   bench/inheritance.sh
#   REQUESTS=5000 bench/inheritance.sh
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS=${REQUESTS:-1000}
PORT=${PORT:-18083}
UPSTREAM_PORT=${UPSTREAM_PORT:-18084}
source bench/lib.sh

echo "== building an upstream page of 2,000 versions x 10 files"
python3 - "$WORK/upstream" <<'PY'
import hashlib, os, sys
root = sys.argv[1]
os.makedirs(f"{root}/simple/bigproject", exist_ok=True)
platforms = ["manylinux_2_17_x86_64", "manylinux_2_17_aarch64", "musllinux_1_1_x86_64", "macosx_11_0_arm64",
             "macosx_10_9_x86_64", "win_amd64", "win32", "win_arm64", "manylinux_2_28_x86_64"]
links = []
for major in range(20):
    for minor in range(100):
        version = f"{major}.{minor}.0"
        names = [f"bigproject-{version}.tar.gz"] + [f"bigproject-{version}-cp311-cp311-{p}.whl" for p in platforms]
        for name in names:
            digest = hashlib.sha256(name.encode()).hexdigest()
            links.append(f'<a href="../../files/{name}#sha256={digest}" data-requires-python="&gt;=3.8">{name}</a><br/>')
with open(f"{root}/simple/bigproject/index.html", "w") as f:
    f.write("<!DOCTYPE html><html><body>\n" + "\n".join(links) + "\n</body></html>\n")
print(len(links), "files")
PY
start_upstream "$UPSTREAM_PORT" /simple/bigproject/

echo "== starting the server"
start_larder "$PORT" "http://127.0.0.1:$UPSTREAM_PORT/simple/" -Xmx1g

echo "== measuring"
python3 - "$PORT" "$REQUESTS" "$WORK" <<'PY'
import base64, hashlib, http.client, io, json, statistics, sys, time, zipfile
port, requests, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
auth = {"Authorization": "Basic " + base64.b64encode(b"root:bench-root-password").decode()}
conn = http.client.HTTPConnection("127.0.0.1", port)

def call(method, path, body=None, headers=None):
    start = time.perf_counter()
    conn.request(method, path, body=body, headers={**auth, **(headers or {})})
    response = conn.getresponse()
    data = response.read()
    return time.perf_counter() - start, response.status, data

for name, options in [("root/prod", {"bases": ["root/pypi"]}), ("root/dev", {"bases": ["root/prod"]}),
                      ("root/feature", {"bases": ["root/dev"], "mirror_whitelist": ["*"]})]:
    assert call("PUT", f"/+api/indexes/{name}", json.dumps(options))[1] == 201

def upload(version):
    meta = f"Metadata-Version: 2.1\nName: bigproject\nVersion: {version}\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for entry, text in [(f"bigproject-{version}.dist-info/METADATA", meta),
                            (f"bigproject-{version}.dist-info/WHEEL", "Wheel-Version: 1.0\n"),
                            (f"bigproject-{version}.dist-info/RECORD", "")]:
            z.writestr(entry, text)
    wheel = buffer.getvalue()
    boundary = "benchboundary"
    fields = {":action": "file_upload", "protocol_version": "1", "name": "bigproject", "version": version,
              "filetype": "bdist_wheel", "pyversion": "py3", "sha256_digest": hashlib.sha256(wheel).hexdigest()}
    body = b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                    for k, v in fields.items())
    body += (f'--{boundary}\r\nContent-Disposition: form-data; name="content"; '
             f'filename="bigproject-{version}-py3-none-any.whl"\r\n\r\n').encode() + wheel + f"\r\n--{boundary}--\r\n".encode()
    status = call("POST", "/root/prod/", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})[1]
    assert status == 200, status

upload("100.0")
page = "/root/feature/+simple/bigproject/"
accept = {"Accept": "application/vnd.pypi.simple.v1+json"}
cold, status, body = call("GET", page, headers=accept)
assert status == 200, status
files = len(json.loads(body)["files"])
print(f"merged page: {files} files, {len(body) / 1e6:.1f} MB JSON")
print(f"first render (upstream fetch + parse + merge + render): {cold * 1000:.0f} ms")
for label, headers in [("JSON", accept), ("HTML", {})]:
    call("GET", page, headers=headers)
    warm = sorted(call("GET", page, headers=headers)[0] for _ in range(requests))
    q = lambda p: warm[min(len(warm) - 1, int(p * len(warm)))] * 1000
    print(f"warm {label}, {requests} sequential requests: p50 {q(0.5):.1f} ms, p99 {q(0.99):.1f} ms")
etag_headers = {**accept, "If-None-Match": ""}
conn.request("GET", page, headers={**auth, **accept}); r = conn.getresponse(); r.read(); etag = r.getheader("ETag")
warm304 = sorted(call("GET", page, headers={**accept, "If-None-Match": etag})[0] for _ in range(requests))
print(f"warm 304 (If-None-Match): p50 {warm304[len(warm304) // 2] * 1000:.2f} ms")
upload("100.1")
after, status, body = call("GET", page, headers=accept)
print(f"render after an upload to root/prod invalidated it: {after * 1000:.0f} ms ({len(json.loads(body)['files'])} files)")
PY
