#!/usr/bin/env python3
"""Hostile-input sweep of every API route through main, black-box (python3 stdlib only).

Usage: e2e/hostile-sweep.py [http://localhost:8080] [--verbose]

For each route, unauthenticated, as a fresh learner and as the demo admin, it sends malformed, oversized and hostile
input (bad JSON, wrong types, huge numbers, 1-2 MB bodies, control characters, SQL metacharacters, odd path ids,
wrong content types and methods, long URLs and headers, garbage Authorization headers) and checks the house rule:
every answer is < 500, a JSON envelope {status: fail|error|success, message|data}, and no parser, Java or SQL
internals leak. Row counts of users, exercises and submissions must change only by the writes that were accepted.
Prints a summary and exits 1 on any violation. Auth rate limiting (429) is allowed; run main with a high
DOJO_AUTH_RATE_LIMIT to exercise the auth endpoints fully.
"""
import base64
import http.client
import json
import sys
import time
import urllib.parse
import uuid
from collections import defaultdict

LEAKS = ("Exception", "java.", "at [Source", "deserialize", "SQL", "org.")
VERBOSE = "--verbose" in sys.argv
args = [a for a in sys.argv[1:] if not a.startswith("--")]
BASE = urllib.parse.urlsplit(args[0] if args else "http://localhost:8080")

violations = defaultdict(list)  # class -> [detail]
sent = 0
accepted_writes = defaultdict(int)  # table -> expected delta


def request(method, path, body=None, headers=None, timeout=60):
    global sent
    sent += 1
    conn = http.client.HTTPConnection(BASE.hostname, BASE.port or 80, timeout=timeout)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        hdrs = {"Accept": "application/json"}
        hdrs.update(headers or {})
        if body is not None:
            hdrs.setdefault("Content-Length", str(len(body)))
        for k, v in hdrs.items():
            if v is not None:
                conn.putheader(k, v)
        conn.endheaders()
        if body:
            try:
                conn.send(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server may answer (413) before reading a large body; read its answer below
        resp = conn.getresponse()
        return resp.status, resp.read(), resp.getheader("Content-Type") or ""
    except (ConnectionError, http.client.HTTPException, TimeoutError, OSError) as e:
        return None, repr(e).encode(), ""
    finally:
        conn.close()


def j(value):
    return json.dumps(value).encode()


def check(label, method, path, status, raw, ctype, raw_ok=False):
    """raw_ok: a 2xx that is not JSON by design (docs pages)."""
    where = f"{label} {method} {path[:120]}"
    text = raw.decode("utf-8", "replace")
    if status is None:
        violations["no HTTP answer (connection dropped or timed out)"].append(f"{where}: {text[:200]}")
        return None
    if status >= 500:
        violations[f"5xx answer"].append(f"{where} -> {status}: {text[:300]}")
    if raw_ok and 200 <= status < 300:
        return None
    if not (200 <= status < 300):
        for leak in LEAKS:
            if leak in text:
                violations[f"internals leaked ({leak!r})"].append(f"{where} -> {status}: {text[:300]}")
                break
    try:
        doc = json.loads(text)
    except ValueError:
        violations["body is not JSON"].append(f"{where} -> {status} [{ctype}]: {text[:200]!r}")
        return None
    if not isinstance(doc, dict) or doc.get("status") not in ("fail", "error", "success") \
            or not (isinstance(doc.get("message"), str) or isinstance(doc.get("data"), (dict, list))):
        violations["not the envelope"].append(f"{where} -> {status}: {text[:300]}")
        return doc
    expected = "success" if status < 400 else ("error" if status >= 500 else "fail")
    if doc["status"] != expected:
        violations["envelope status disagrees with HTTP status"].append(f"{where} -> {status}: {text[:200]}")
    if VERBOSE:
        print(f"  {status} {where}: {text[:120]}")
    return doc


def call(label, method, path, body=None, headers=None, raw_ok=False, writes=None):
    status, raw, ctype = request(method, path, body, headers)
    doc = check(label, method, path, status, raw, ctype, raw_ok)
    if writes and status is not None and 200 <= status < 300:
        accepted_writes[writes] += 1 if method != "DELETE" else -1
    return status, doc


def login(email, password):
    status, raw, _ = request("POST", "/auth/login", j({"email": email, "password": password}),
                             {"Content-Type": "application/json"})
    if status != 200:
        sys.exit(f"cannot log in as {email}: {status} {raw[:200]!r}")
    return json.loads(raw)["auth_token"]


def register_learner():
    name = "sweep" + uuid.uuid4().hex[:10]
    body = {"username": name, "email": name + "@example.com", "password": "sweep-password-1"}
    status, raw, _ = request("POST", "/auth/register", j(body), {"Content-Type": "application/json"})
    if status != 201:
        sys.exit(f"cannot register a learner: {status} {raw[:200]!r}")
    return json.loads(raw)["auth_token"]


def counts(admin):
    auth = {"Authorization": "Bearer " + admin}
    out = {}
    for table, path, key in (("users", "/users", "users"), ("exercises", "/exercises", "exercises"),
                             ("submissions", "/submissions", "submissions")):
        status, raw, _ = request("GET", path, headers=auth)
        out[table] = len(json.loads(raw)["data"][key]) if status == 200 else None
    return out


def alg_none_token(sub="1"):
    def b64(obj):
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()
    now = int(time.time())
    return b64({"alg": "none", "typ": "JWT"}) + "." + b64(
        {"sub": sub, "roles": ["admin"], "admin": True, "iat": now, "exp": now + 3600}) + "."


# ---------------------------------------------------------------------------------------------------------------
HUGE = ["1e400", "99999999999999999999", "-1e400", "1.5", "-9223372036854775809"]
WRONG_TYPES = [{}, [], 0, -1, True, False, None, {"a": [1, {"b": None}]}, ["x"], 1.5]
STRINGS = ["", " ", "\u0000", "a\u0000b", "\u0007\u001b[31m\r\n", "\u202e\u2028\u2029", "😀" * 40, "𝕏" * 200,
           "' OR '1'='1", "'; DROP TABLE users; --", "\" OR 1=1 --", "%s%n%x", "${jndi:ldap://x/a}", "{{7*7}}",
           "<script>alert(1)</script>", "\\", "x" * 5000, "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace")]
PATH_IDS = ["-1", "0", "abc", "1e3", "%00", "..%2f", "..%2f..%2fetc%2fpasswd", "99999999999999999999",
            "12345678901234567890", "1%20OR%201=1", "%27", "1;DROP", "%ff", "%", "1.0", "+1", "0x10", "%E2%80%AE"]

SCHEMAS = {
    "/users": {"username": "sweepuser1", "email": "sweepuser1@example.com", "password": "sweep-password-1"},
    "/auth/register": {"username": "sweepuser2", "email": "sweepuser2@example.com", "password": "sweep-password-1"},
    "/auth/login": {"email": "nobody@example.com", "password": "wrong-password-1"},
    "/auth/refresh": {"refresh_token": "not-a-token"},
    "/auth/logout": {"refresh_token": "not-a-token"},
    "/exercises": {"title": "t", "body": "b", "language": "python", "starter_code": "",
                   "tests": [{"name": "n", "call": "f()", "expected": 1}], "solution": "def f():\n    return 2\n"},
    "/exercises/1": {"title": "t", "body": "b", "language": "python", "starter_code": "",
                     "tests": [{"name": "n", "call": "f()", "expected": 1}], "solution": "def f():\n    return 2\n"},
    "/submissions": {"exercise_id": 1, "code": "def sum(x, y):\n    return x - y\n"},
}
WRITES = {"/users": "users", "/auth/register": "users", "/exercises": "exercises", "/exercises/1": None,
          "/submissions": "submissions"}


def hostile_bodies(schema):
    """(name, bytes, content-type) triples built for one JSON object schema."""
    ct = "application/json"
    yield "malformed json", b'{"a": ', ct
    yield "malformed json 2", b"{'single': 'quotes'}", ct
    yield "trailing garbage", j(schema) + b"}}}", ct
    yield "empty body", b"", ct
    yield "json null", b"null", ct
    yield "json array", b"[]", ct
    yield "array of object", j([schema]), ct
    yield "json string", b'"x"', ct
    yield "json number", b"42", ct
    yield "huge number top", b"1e400", ct
    yield "deep nesting", b"[" * 5000 + b"]" * 5000, ct
    yield "deep object nesting", b'{"a":' * 3000 + b"1" + b"}" * 3000, ct
    yield "invalid utf-8", b'{"username": "\xff\xfe\xc3"}', ct
    yield "bom", b"\xef\xbb\xbf" + j(schema), ct
    yield "duplicate keys", b"{" + b",".join(j(k) + b":" + j(v) for k, v in schema.items()) + b"," + \
        j(next(iter(schema))) + b":{}}", ct
    yield "missing fields", j({}), ct
    for field in schema:
        yield f"missing {field}", j({k: v for k, v in schema.items() if k != field}), ct
        for wrong in WRONG_TYPES:
            yield f"{field}={json.dumps(wrong)[:20]}", j({**schema, field: wrong}), ct
        for huge in HUGE:
            raw = b"{" + b",".join(j(k) + b":" + (huge.encode() if k == field else j(v))
                                   for k, v in schema.items()) + b"}"
            yield f"{field}={huge}", raw, ct
        for s in STRINGS:
            yield f"{field}=str {s[:12]!r}", j({**schema, field: s}), ct
        yield f"{field}=lone surrogate", j(schema).replace(j(schema[field]), b'"\\ud800"', 1) \
            if isinstance(schema[field], str) else j(schema), ct
    if "tests" in schema:
        t = schema["tests"][0]
        for k in t:
            for wrong in WRONG_TYPES + ["\u0000", "x" * 3000]:
                yield f"tests[0].{k}={json.dumps(wrong)[:20]}", j({**schema, "tests": [{**t, k: wrong}]}), ct
        yield "tests=[null]", j({**schema, "tests": [None]}), ct
        yield "tests x 1000", j({**schema, "tests": [t] * 1000}), ct
        yield "expected 1e400", j(schema).replace(b'"expected": 1', b'"expected": 1e400'), ct
    yield "extra field", j({**schema, "admin": True, "id": 1, "__proto__": {}}), ct
    yield "1 MB body", j({**schema, next(iter(schema)): "x" * (1024 * 1024)}), ct
    yield "2 MB body", j({**schema, next(iter(schema)): "x" * (2 * 1024 * 1024)}), ct
    yield "text/plain", j(schema), "text/plain"
    yield "form", urllib.parse.urlencode({k: str(v) for k, v in schema.items()}).encode(), \
        "application/x-www-form-urlencoded"
    yield "multipart", b"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b--\r\n", \
        "multipart/form-data; boundary=b"
    yield "no content type", j(schema), None
    yield "xml", b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>", \
        "application/xml"
    yield "json charset bogus", j(schema), "application/json; charset=bogus-9"


def sweep(label, token):
    auth = {"Authorization": "Bearer " + token} if token else {}
    print(f"-- {label}")
    # Reads and path ids
    gets = ["/ping", "/users", "/auth/status", "/auth/logout", "/exercises", "/submissions", "/scores",
            "/scores/user"]
    for path in gets:
        call(label, "GET", path, headers=auth)
        call(label, "GET", path + "?" + "&".join(f"{k}={v}" for k, v in (
            ("exercise_id", "abc"), ("exercise_id", "1e400"), ("limit", "-1"), ("x", "%00"))), headers=auth)
        call(label, "GET", path + "?exercise_id=99999999999999999999", headers=auth)
        call(label, "GET", path + "?exercise_id=%27%20OR%201=1", headers=auth)
    for prefix in ("/users/", "/exercises/", "/submissions/", "/scores/"):
        for pid in PATH_IDS:
            call(label, "GET", prefix + pid, headers=auth)
    for pid in PATH_IDS:
        call(label, "DELETE", "/exercises/" + pid, headers=auth, writes="exercises")
        call(label, "PUT", "/exercises/" + pid, j(SCHEMAS["/exercises"]),
             {**auth, "Content-Type": "application/json"})
    call(label, "GET", "/docs", headers=auth, raw_ok=True)
    call(label, "GET", "/docs/openapi.yml", headers=auth, raw_ok=True)
    call(label, "GET", "/docs/" + "..%2f" * 5 + "etc/passwd", headers=auth, raw_ok=True)
    call(label, "GET", "/docs/openapi.yml?x=" + "%00" * 10, headers=auth, raw_ok=True)

    # Wrong methods
    for method, path in (("DELETE", "/users"), ("PUT", "/users/1"), ("PATCH", "/users/1"), ("DELETE", "/ping"),
                         ("POST", "/ping"), ("GET", "/auth/register"), ("GET", "/auth/login"),
                         ("PUT", "/auth/status"), ("GET", "/auth/refresh"), ("POST", "/scores"),
                         ("PUT", "/scores"), ("PATCH", "/scores"), ("DELETE", "/scores/1"),
                         ("PATCH", "/exercises/1"), ("DELETE", "/submissions/1"), ("PUT", "/submissions"),
                         ("POST", "/docs"), ("DELETE", "/docs/openapi.yml"), ("FOO", "/users"),
                         ("OPTIONS", "/users"), ("TRACE", "/users"), ("CONNECT", "/users")):
        call(label, method, path, b"" if method in ("POST", "PUT", "PATCH") else None,
             {**auth, "Content-Type": "application/json"})

    # Bodies
    for path, schema in SCHEMAS.items():
        method = "PUT" if path == "/exercises/1" else "POST"
        for name, body, ctype in hostile_bodies(schema):
            headers = dict(auth)
            if ctype:
                headers["Content-Type"] = ctype
            call(label + " [" + name + "]", method, path, body, headers, writes=WRITES.get(path))

    # Long URL and headers
    call(label, "GET", "/users/" + "9" * 9000, headers=auth)
    call(label, "GET", "/exercises?" + "a=" + "b" * 20000, headers=auth)
    call(label, "GET", "/users", headers={**auth, "X-Long": "x" * 20000})
    call(label, "GET", "/users", headers={**auth, **{f"X-H{i}": "v" for i in range(200)}})
    call(label, "GET", "/users", headers={**auth, "X-Request-Id": "x" * 5000})
    call(label, "GET", "/users", headers={**auth, "X-Request-Id": "a\u0001b'; --"})


def sweep_authorization():
    label = "garbage auth"
    print(f"-- {label}")
    values = ["Bearer", "Bearer ", "Bearer " + "A" * 10240, "Basic x", "Basic " + base64.b64encode(b"a:b").decode(),
              "bearer abc", "Bearer a.b.c", "Bearer ..", "Bearer " + alg_none_token(), "Bearer " + alg_none_token("-1"),
              "Bearer " + alg_none_token("99999999999999999999"), "Bearer \u00e9\u00e8", "Token x", "Bearer x y z",
              "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "Bearer " + "%00", "x" * 9000]
    for value in values:
        hdr = {"Authorization": value}
        for method, path in (("GET", "/auth/status"), ("GET", "/auth/logout"), ("GET", "/users"),
                             ("GET", "/users/1"), ("GET", "/exercises"), ("GET", "/exercises/1"),
                             ("GET", "/submissions"), ("GET", "/submissions/1"), ("GET", "/scores"),
                             ("GET", "/scores/1"), ("GET", "/scores/user"), ("GET", "/ping")):
            call(label, method, path, headers=hdr)
        for path in ("/users", "/exercises", "/submissions", "/auth/logout", "/auth/refresh"):
            call(label, "POST", path, j(SCHEMAS.get(path, {})), {**hdr, "Content-Type": "application/json"},
                 writes=WRITES.get(path))
        call(label, "PUT", "/exercises/1", j(SCHEMAS["/exercises"]), {**hdr, "Content-Type": "application/json"})
        call(label, "DELETE", "/exercises/1", headers=hdr, writes="exercises")
        call(label, "GET", "/docs", headers=hdr, raw_ok=True)


def main():
    status, raw, _ = request("GET", "/ping")
    if status != 200:
        sys.exit(f"{BASE.geturl()} is not up: {status} {raw[:200]!r}")
    admin = login("admin@dojo.dev", "dojo-admin-password")
    learner = register_learner()
    before = counts(admin)
    started = time.time()
    sweep("anonymous", None)
    sweep("learner", learner)
    sweep("admin", admin)
    sweep_authorization()
    after = counts(login("admin@dojo.dev", "dojo-admin-password"))
    for table in before:
        if before[table] is None or after[table] is None:
            violations["cannot count rows"].append(table)
            continue
        expected = before[table] + accepted_writes[table]
        if table == "submissions":
            expected = min(expected, 100)  # GET /submissions lists at most 100
        if after[table] != expected:
            violations["row count changed by rejected writes"].append(
                f"{table}: before {before[table]}, accepted {accepted_writes[table]}, after {after[table]}")
    print(f"\n{sent} requests in {time.time() - started:.0f} s; counts before {before} after {after}; "
          f"accepted writes {dict(accepted_writes)}")
    if not violations:
        print("CLEAN: no violations")
        return 0
    total = sum(len(v) for v in violations.values())
    print(f"{total} VIOLATION(S) in {len(violations)} class(es):")
    for cls, items in sorted(violations.items()):
        print(f"\n== {cls}: {len(items)}")
        for item in items[:12]:
            print("   " + item)
        if len(items) > 12:
            print(f"   ... and {len(items) - 12} more")
    return 1


if __name__ == "__main__":
    sys.exit(main())
