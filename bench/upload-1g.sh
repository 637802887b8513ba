#!/usr/bin/env bash
# Benchmark (run by hand): uploads a 1 GiB wheel to a server limited to a 256 MiB heap and reports the upload
# rate and the server's peak RSS. Needs ~3 GiB of free disk in $TMPDIR and the port below free.
#   bench/upload-1g.sh            # 1 GiB
#   SIZE_MIB=256 bench/upload-1g.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MIB=${SIZE_MIB:-1024}
PORT=${PORT:-18080}
HEAP=${HEAP:-256m}
source bench/lib.sh

echo "== building a ${SIZE_MIB} MiB wheel"
python3 - "$WORK" "$SIZE_MIB" <<'PY'
import hashlib, os, sys, zipfile
work, size_mib = sys.argv[1], int(sys.argv[2])
name = "bench_big-1.0"
path = os.path.join(work, f"{name}-py3-none-any.whl")
chunk = os.urandom(1 << 20)
with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as z:
    z.writestr(f"{name}.dist-info/METADATA", "Metadata-Version: 2.1\nName: bench-big\nVersion: 1.0\n")
    z.writestr(f"{name}.dist-info/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
    z.writestr(f"{name}.dist-info/RECORD", "")
    with z.open("bench_big/blob.bin", "w", force_zip64=True) as out:
        for _ in range(size_mib):
            out.write(chunk)
h = hashlib.sha256()
with open(path, "rb") as f:
    for block in iter(lambda: f.read(1 << 20), b""):
        h.update(block)
open(os.path.join(work, "sha256"), "w").write(h.hexdigest())
print(path, os.path.getsize(path), "bytes")
PY
WHEEL=$(ls "$WORK"/*.whl)
SHA256=$(cat "$WORK/sha256")

echo "== starting the server with -Xmx$HEAP"
LARDER_UPLOAD_MAX_FILE_SIZE=4GB start_larder "$PORT" http://127.0.0.1:9/simple/ "-Xmx$HEAP"
AUTH=root:$ROOT_PASSWORD
curl -sf -u $AUTH -X PUT "http://127.0.0.1:$PORT/+api/indexes/root/bench" -d '{}' >/dev/null
RSS_BEFORE=$(awk '/VmRSS/ {print $2}' /proc/$SERVER_PID/status)

echo "== uploading"
curl -s -u $AUTH -o "$WORK/response.txt" -w '%{http_code} %{time_total} %{speed_upload}\n' \
  -F ':action=file_upload' -F protocol_version=1 -F metadata_version=2.1 -F name=bench-big -F version=1.0 \
  -F filetype=bdist_wheel -F pyversion=py3 -F sha256_digest=$SHA256 \
  -F "content=@$WHEEL;type=application/octet-stream" "http://127.0.0.1:$PORT/root/bench/" > "$WORK/curl.txt"
read -r STATUS ELAPSED SPEED < "$WORK/curl.txt"
PEAK=$(awk '/VmHWM/ {print $2}' /proc/$SERVER_PID/status)
STORED=$(find "$WORK/data/blobs/sha256" -type f -name "$SHA256" | head -1)

echo "== result"
echo "status:            $STATUS $(cat "$WORK/response.txt")"
echo "file size:         $(stat -c %s "$WHEEL") bytes"
echo "upload time:       ${ELAPSED} s"
echo "upload rate:       $(awk -v s="$SPEED" 'BEGIN {printf "%.0f MB/s", s / 1e6}')"
echo "server heap limit: -Xmx$HEAP"
echo "server RSS:        $((RSS_BEFORE / 1024)) MiB before, peak $((PEAK / 1024)) MiB (VmHWM)"
echo "stored blob:       ${STORED:-MISSING} ($(sha256sum "$STORED" | cut -c1-16)...)"
[ "$STATUS" = 200 ] && [ -n "$STORED" ]
