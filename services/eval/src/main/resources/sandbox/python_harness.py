# Dojo's fixed Python grading harness. It runs inside the bubblewrap sandbox as:
#   python3 -I -S -B /sandbox/harness.py
# stdin : one JSON object {"code": str, "calls": [str, ...]}  (the hidden expected values never come here)
# stdout: one JSON object written by THIS process only; the eval service compares values against the expected
#         ones outside the sandbox.
# The submission runs in a forked child whose stdout and stderr both go to the sandbox's stderr (the program's
# captured output), so nothing it prints can reach the results channel. The child reports its values through a
# private pipe that this parent reads; the child can forge only its own values, which is no more than a function
# that returns anything already could. There is no /proc in the sandbox, so the child cannot reopen this
# process's stdout through /proc/<ppid>/fd/1.
import json
import os
import sys

MAX_VALUES_BYTES = 1 << 20

# Taken before any submitted code runs, so replacing builtins or json functions does not change the harness.
_eval = eval
_compile = compile
_dumps = json.dumps
_loads = json.loads


def run_child(code, calls, values_w):
    import time
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(2, 1)
    os.close(devnull)
    sys.stdin = open(0, "r", closefd=False)
    sys.stdout = open(1, "w", buffering=1, closefd=False, errors="replace")
    sys.stderr = open(2, "w", buffering=1, closefd=False, errors="replace")
    out = os.fdopen(values_w, "w")
    report = {"phase": "ok", "results": []}
    try:
        try:
            compiled = _compile(code, "<submission>", "exec")
        except (SyntaxError, ValueError) as e:
            report = {"phase": "compile", "error": format_exception(e)}
            return out, report
        namespace = {"__name__": "__submission__", "__builtins__": __builtins__}
        try:
            exec(compiled, namespace)
        except BaseException as e:  # SystemExit, KeyboardInterrupt included: exiting early never passes
            report = {"phase": "run", "error": format_exception(e), "memory": isinstance(e, MemoryError)}
            return out, report
        for call in calls:
            started = time.perf_counter()
            try:
                value = _eval(_compile(call, "<test>", "eval"), namespace)
                elapsed = (time.perf_counter() - started) * 1000.0
                report["results"].append(encode(value, elapsed))
            except BaseException as e:
                elapsed = (time.perf_counter() - started) * 1000.0
                report["results"].append({"ok": False, "error": format_exception(e),
                                          "memory": isinstance(e, MemoryError), "ms": elapsed})
        return out, report
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:
            pass


def encode(value, elapsed):
    try:
        text = _dumps(value, allow_nan=False)
        return {"ok": True, "value": _loads(text), "ms": elapsed}
    except BaseException:
        return {"ok": True, "repr": safe_repr(value), "ms": elapsed}


def safe_repr(value):
    try:
        return repr(value)[:1000]
    except BaseException:
        return "<unrepresentable value>"


def format_exception(e):
    try:
        name = type(e).__name__
        text = str(e)
        if isinstance(e, SyntaxError) and e.lineno is not None:
            text = "%s (line %d)" % (e.msg, e.lineno)
        return (name + ": " + text if text else name)[:1000]
    except BaseException:
        return "error"


def main():
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    code = request["code"]
    calls = request["calls"]
    sys.stdout.flush()
    results_fd = 1
    values_r, values_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(values_r)
        status = 0
        try:
            out, report = run_child(code, calls, values_w)
            out.write(_dumps(report))
            out.flush()
        except BaseException:
            status = 70
        os._exit(status)
    os.close(values_w)
    chunks = []
    size = 0
    while True:
        chunk = os.read(values_r, 65536)
        if not chunk:
            break
        size += len(chunk)
        if size > MAX_VALUES_BYTES:
            os.kill(pid, 9)
            chunks = None
            break
        chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    answer = {"exit": os.waitstatus_to_exitcode(status)}
    if chunks is None:
        answer["oversized"] = True
    else:
        try:
            answer["report"] = json.loads(b"".join(chunks).decode("utf-8"))
        except BaseException:
            answer["report"] = None
    os.write(results_fd, json.dumps(answer).encode("utf-8"))


main()
