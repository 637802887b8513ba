"""Larder next to nginx, on the same bytes, under wrk (bench/README.md says what each case means)."""
import base64, hashlib, http.client, io, json, os, re, shutil, signal, statistics, subprocess, sys, tempfile, time, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROUNDS = int(os.environ.get("ROUNDS", "3"))
DURATION = os.environ.get("DURATION", "10s")
LARDER, NGINX, UPSTREAM = 18180, 18181, 18182
AUTH = {"Authorization": "Basic " + base64.b64encode(b"root:bench-root-password").decode()}
JSON = "application/vnd.pypi.simple.v1+json"
work = tempfile.mkdtemp(prefix="larder-perf.")
os.chmod(work, 0o755)  # nginx's workers run as another user and must read the static copies
procs = []


def call(method, path, body=None, headers=None, port=LARDER):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request(method, path, body=body, headers={**AUTH, **(headers or {})})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, data, dict(response.getheaders())


def wheel(name, version, requires=(), payload=b""):
    dist = name.replace("-", "_")
    info = f"{dist}-{version}.dist-info"
    meta = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: bench\n" + \
        "".join(f"Requires-Dist: {r}\n" for r in requires)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as z:
        z.writestr(f"{dist}/__init__.py", "VALUE = 1\n")
        if payload:
            z.writestr(f"{dist}/data.bin", payload)
        z.writestr(f"{info}/METADATA", meta)
        z.writestr(f"{info}/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        z.writestr(f"{info}/RECORD", "")
    return f"{dist}-{version}-py3-none-any.whl", buffer.getvalue()


def upload(index, name, version, filename, data):
    boundary = "perfboundary"
    fields = {":action": "file_upload", "protocol_version": "1", "name": name, "version": version,
              "filetype": "bdist_wheel", "pyversion": "py3", "sha256_digest": hashlib.sha256(data).hexdigest()}
    body = b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                    for k, v in fields.items())
    body += (f'--{boundary}\r\nContent-Disposition: form-data; name="content"; filename="{filename}"\r\n\r\n'
             ).encode() + data + f"\r\n--{boundary}--\r\n".encode()
    status = call("POST", f"/{index}/", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})[0]
    assert status == 200, (status, filename)


def start(command, env=None, log="log"):
    proc = subprocess.Popen(command, env={**os.environ, **(env or {})}, stdout=open(f"{work}/{log}", "w"),
                            stderr=subprocess.STDOUT)
    procs.append(proc)
    return proc


def wait_for(port, path):
    for _ in range(300):
        try:
            if call("GET", path, port=port)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"nothing answers on {port}{path}")


def rss_mib(pid):
    status = open(f"/proc/{pid}/status").read()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) // 1024, int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) // 1024


def wrk(url, accept=None):
    command = ["wrk", "-t2", "-c32", "-d" + DURATION, "--latency"]
    if accept:
        command += ["-H", f"Accept: {accept}"]
    subprocess.run(["wrk", "-t2", "-c32", "-d2s"] + command[4:] + [url], capture_output=True)  # warm-up, not counted
    results = []
    for _ in range(ROUNDS):
        out = subprocess.run(command + [url], capture_output=True, text=True).stdout
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
        transfer = re.search(r"Transfer/sec:\s+([\d.]+)(\w+)", out)
        scale = {"B": 1e-6, "KB": 1e-3, "MB": 1, "GB": 1e3}[transfer.group(2)]
        lat = {p: parse_ms(re.search(rf"\s{p}%\s+([\d.]+\w+)", out).group(1)) for p in ("50", "99")}
        results.append((rps, float(transfer.group(1)) * scale, lat["50"], lat["99"]))
    best = max(results)  # the best round of each side: less noise from the shared cores
    return best


def parse_ms(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def main():
    # A synthetic upstream: one project page, and a root listing of 700,000 names.
    up = f"{work}/upstream"
    os.makedirs(f"{up}/simple/upstream-only")
    with open(f"{up}/simple/index.html", "w") as f:
        f.write("<!DOCTYPE html><html><body>\n")
        for i in range(700_000):
            f.write(f'<a href="/simple/project-{i}/">project-{i}</a>\n')
        f.write("</body></html>\n")
    open(f"{up}/simple/upstream-only/index.html", "w").write("<html><body></body></html>")
    start([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory", up, str(UPSTREAM)], log="upstream.log")
    wait_for(UPSTREAM, "/simple/upstream-only/")

    larder = start(["java"] + os.environ.get("LARDER_JAVA_OPTS", "-Xmx128m -Xss512k -XX:+UseSerialGC -XX:MaxDirectMemorySize=64m -XX:ReservedCodeCacheSize=64m").split() + ["-jar", f"{ROOT}/server/target/larder-server.jar"], {
        "LARDER_DATA_DIR": f"{work}/data", "LARDER_PORT": str(LARDER), "LARDER_BIND_ADDRESS": "127.0.0.1",
        "LARDER_ROOT_PASSWORD": "bench-root-password",
        "LARDER_UPSTREAM_URL": f"http://127.0.0.1:{UPSTREAM}/simple/"}, log="larder.log")
    wait_for(LARDER, "/+health")
    for name, options in [("root/stage", {}), ("root/l1", {"bases": ["root/stage", "root/pypi"]}),
                          ("root/l2", {"bases": ["root/l1"]}), ("root/l3", {"bases": ["root/l2"]})]:
        assert call("PUT", f"/+api/indexes/{name}", json.dumps(options))[0] == 201
    # A token from here on: a password costs an Argon2id check per request, as it should; a token a hash lookup.
    status, data, _ = call("POST", "/+api/tokens", json.dumps({"scope": "upload"}), {"Content-Type": "application/json"})
    assert status == 201, data
    AUTH["Authorization"] = "Basic " + base64.b64encode(b"__token__:" + json.loads(data)["token"].encode()).decode()

    print("== uploading: 200 files of 'hot', a 7.6 MiB wheel, 13 packages for pip", flush=True)
    for i in range(200):
        filename, data = wheel("hot", f"1.{i}")
        upload("root/stage", "hot", f"1.{i}", filename, data)
    big_name, big = wheel("bigwheel", "1.0", payload=os.urandom(7_600_000))
    upload("root/stage", "bigwheel", "1.0", big_name, big)
    pip_set = [f"pkg-{i:02d}" for i in range(13)]
    for i, name in enumerate(pip_set):
        filename, data = wheel(name, "1.0", requires=[pip_set[i + 1]] if i + 1 < len(pip_set) else [])
        upload("root/stage", name, "1.0", filename, data)

    # nginx serves exactly the bytes Larder serves, at the same paths.
    static = f"{work}/nginx"
    def mirror_path(path, accept=None, name=None):
        status, data, _ = call("GET", path, headers={"Accept": accept} if accept else {})
        assert status == 200, (path, status)
        target = static + (name or path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        open(target, "wb").write(data)
        return data
    page_json = mirror_path("/root/stage/+simple/hot/", JSON, "/json/hot.json")
    mirror_path("/root/stage/+simple/hot/", None, "/html/hot.html")
    big_path = "/root/stage/" + json.loads(call("GET", "/root/stage/+simple/bigwheel/", headers={"Accept": JSON})[1])["files"][0]["url"][6:]
    mirror_path(big_path, None, "/files/big.whl")
    mirror_path(big_path + ".metadata", None, "/files/big.whl.metadata")
    call("GET", "/root/pypi/+simple/")  # starts the mirror's list fetch
    for _ in range(600):
        if call("GET", "/root/pypi/+simple/")[0] == 200:
            break
        time.sleep(0.5)
    mirror_path("/root/pypi/+simple/", None, "/html/root.html")
    for name in pip_set:  # a static PEP 503 index of the pip set, files included
        page = call("GET", f"/root/stage/+simple/{name}/")[1].decode()
        os.makedirs(f"{static}/simple/{name}", exist_ok=True)
        for href in re.findall(r'href="\.\./\.\./([^"#]+)', page):
            for suffix in ("", ".metadata"):  # pip fetches the PEP 658 metadata the page advertises
                data = call("GET", "/root/stage/" + href + suffix)[1]
                os.makedirs(os.path.dirname(f"{static}/root/stage/{href}"), exist_ok=True)
                open(f"{static}/root/stage/{href.replace('%2B', '+')}{suffix}", "wb").write(data)
        page = page.replace('href="../../', 'href="/root/stage/')
        open(f"{static}/simple/{name}/index.html", "w").write(page)
    conf = f"""worker_processes 2; pid {work}/nginx.pid; error_log {work}/nginx-error.log; daemon off;
events {{ worker_connections 1024; }}
http {{ access_log off; sendfile on; tcp_nopush on; default_type application/octet-stream;
  server {{ listen 127.0.0.1:{NGINX}; root {static};
    location /json/ {{ default_type {JSON}; types {{ }} }}
    location /html/ {{ default_type "text/html; charset=utf-8"; types {{ }} }}
    location /simple/ {{ index index.html; }} }} }}"""
    open(f"{work}/nginx.conf", "w").write(conf)
    start(["nginx", "-c", f"{work}/nginx.conf"], log="nginx.log")
    wait_for(NGINX, "/json/hot.json")

    cases = [
        ("warm JSON page, 200 files", "/root/stage/+simple/hot/", "/json/hot.json", JSON),
        ("warm HTML page, 200 files", "/root/stage/+simple/hot/", "/html/hot.html", "text/html"),
        ("same page via 3-level inheritance + mirror", "/root/l3/+simple/hot/", "/json/hot.json", JSON),
        ("7.6 MiB wheel", big_path, "/files/big.whl", None),
        (".metadata file", big_path + ".metadata", "/files/big.whl.metadata", None),
        ("mirror root listing, 700k names", "/root/pypi/+simple/", "/html/root.html", "text/html"),
    ]
    print(f"== wrk -t2 -c32 -d{DURATION} --latency, best of {ROUNDS} rounds", flush=True)
    rows = []
    peak = 0
    for label, larder_path, nginx_path, accept in cases:
        l = wrk(f"http://127.0.0.1:{LARDER}{larder_path}", accept)
        n = wrk(f"http://127.0.0.1:{NGINX}{nginx_path}", accept)
        rss, hwm = rss_mib(larder.pid)
        peak = max(peak, hwm)
        rows.append((label, l, n, rss))
        print(f"   {label}: Larder {l[0]:.0f} req/s, nginx {n[0]:.0f} req/s", flush=True)

    def pip_time(index_url):
        times = []
        for round_ in range(3):
            venv = f"{work}/venv-{len(times)}-{time.time_ns()}"
            env = {"PATH": "/usr/bin:/bin", "HOME": f"{work}/home", "PIP_CONFIG_FILE": "/dev/null"}
            subprocess.run(["/usr/bin/python3", "-m", "venv", venv], check=True, env=env)
            start_t = time.perf_counter()
            subprocess.run([f"{venv}/bin/pip", "install", "--no-cache-dir", "--index-url", index_url, "pkg-00"],
                           check=True, env=env, capture_output=True)
            times.append(time.perf_counter() - start_t)
            shutil.rmtree(venv)
        return statistics.median(times)
    pip_larder = pip_time(f"http://127.0.0.1:{LARDER}/root/stage/+simple/")
    pip_nginx = pip_time(f"http://127.0.0.1:{NGINX}/simple/")

    print()
    print("| case | Larder req/s | Larder MB/s | p50 ms | p99 ms | nginx req/s | nginx MB/s | p50 ms | p99 ms | Larder / nginx | Larder RSS MiB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for label, l, n, rss in rows:
        print(f"| {label} | {l[0]:.0f} | {l[1]:.0f} | {l[2]:.2f} | {l[3]:.2f} | {n[0]:.0f} | {n[1]:.0f} | {n[2]:.2f} | {n[3]:.2f} | {l[0] / n[0]:.2f} | {rss} |")
    print(f"| pip install of 13 packages (median of 3) | {pip_larder:.2f} s | | | | {pip_nginx:.2f} s | | | | {pip_larder / pip_nginx:.2f} | |")
    print(f"\nLarder peak RSS during the runs (VmHWM): {peak} MiB")


try:
    main()
finally:
    for proc in reversed(procs):
        proc.send_signal(signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    shutil.rmtree(work, ignore_errors=True)
