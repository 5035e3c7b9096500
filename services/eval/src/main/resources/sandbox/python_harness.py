# Dojo's fixed Python grading harness. It runs inside the bubblewrap sandbox as:
#   python3 -I -S -B /sandbox/harness
# stdin : "<count of calls>\n" then the code and each test call as "<byte length>\n<utf-8 bytes>"
#         (the hidden expected values never come here)
# stdout: written by THIS process only: "exit=<child exit status>\n" then the child's report (JSON, untrusted),
#         or "oversized\n". The eval service parses the report and compares values outside the sandbox.
# The submission runs in a forked child whose stdout and stderr both go to the sandbox's stderr (the program's
# captured output), so nothing it prints reaches the results channel. The child reports through a private pipe
# that this parent relays; the child can forge only its own values, which is no more than a function returning
# anything could. There is no /proc in the sandbox, so the child cannot reopen this process's stdout.
# No json import: importing json (and with it re and enum) would double the interpreter's start-up time.
import os
import sys

MAX_REPORT_BYTES = 1 << 20
MAX_DEPTH = 64

# Taken before any submitted code runs, so replacing builtins does not change the harness.
_eval = eval
_compile = compile
_repr = repr
_isinstance = isinstance
_type = type
_float_repr = float.__repr__
_int_repr = int.__repr__
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def read_exactly(stream, n):
    data = stream.read(n)
    if len(data) != n:
        raise EOFError("short input")
    return data


def read_request():
    stream = sys.stdin.buffer
    count = int(stream.readline())
    items = []
    for _ in range(count + 1):
        size = int(stream.readline())
        items.append(read_exactly(stream, size).decode("utf-8"))
    return items[0], items[1:]


def quote(text):
    out = ['"']
    for ch in text:
        escaped = _ESCAPES.get(ch)
        if escaped is not None:
            out.append(escaped)
        elif ch < " " or "\ud800" <= ch <= "\udfff":
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


class NotJson(Exception):
    pass


def encode(value, depth=0):
    """JSON text of plain data (None, bool, int, finite float, str, list, tuple, dict with str keys)."""
    if depth > MAX_DEPTH:
        raise NotJson()
    kind = _type(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return _int_repr(value)
    if kind is float:
        if value != value or value in (float("inf"), float("-inf")):
            raise NotJson()
        return _float_repr(value)
    if kind is str:
        return quote(value)
    if kind is list or kind is tuple:
        return "[" + ", ".join(encode(item, depth + 1) for item in value) + "]"
    if kind is dict:
        parts = []
        for key, item in value.items():
            if _type(key) is not str:
                raise NotJson()
            parts.append(quote(key) + ": " + encode(item, depth + 1))
        return "{" + ", ".join(parts) + "}"
    raise NotJson()


def result(value, ms):
    try:
        return '{"ok": true, "value": %s, "ms": %s}' % (encode(value), _float_repr(ms))
    except BaseException:
        return '{"ok": true, "repr": %s, "ms": %s}' % (quote(safe_repr(value)), _float_repr(ms))


def failure(error, ms):
    return '{"ok": false, "error": %s, "memory": %s, "ms": %s}' % (
        quote(describe(error)), "true" if _isinstance(error, MemoryError) else "false", _float_repr(ms))


def safe_repr(value):
    try:
        return _repr(value)[:1000]
    except BaseException:
        return "<unrepresentable value>"


def describe(error):
    try:
        name = _type(error).__name__
        if _isinstance(error, SyntaxError) and error.lineno is not None:
            text = "%s (line %d)" % (error.msg, error.lineno)
        else:
            text = str(error)
        return (name + ": " + text if text else name)[:1000]
    except BaseException:
        return "error"


def run_child(code, calls):
    """Runs the submission, then each call; returns the report as JSON text."""
    from time import perf_counter
    try:
        compiled = _compile(code, "<submission>", "exec")
    except BaseException as e:
        return '{"phase": "compile", "error": %s}' % quote(describe(e))
    namespace = {"__name__": "__submission__", "__builtins__": __builtins__}
    try:
        exec(compiled, namespace)
    except BaseException as e:  # SystemExit and KeyboardInterrupt included: exiting early never passes
        return '{"phase": "run", "error": %s, "memory": %s}' % (
            quote(describe(e)), "true" if _isinstance(e, MemoryError) else "false")
    results = []
    for call in calls:
        started = perf_counter()
        try:
            value = _eval(_compile(call, "<test>", "eval"), namespace)
            results.append(result(value, (perf_counter() - started) * 1000.0))
        except BaseException as e:
            results.append(failure(e, (perf_counter() - started) * 1000.0))
    return '{"phase": "ok", "results": [' + ", ".join(results) + "]}"


def child(code, calls, report_w):
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(2, 1)
    os.close(devnull)
    sys.stdin = open(0, "r", closefd=False)
    sys.stdout = open(1, "w", buffering=1, closefd=False, errors="replace")
    sys.stderr = open(2, "w", buffering=1, closefd=False, errors="replace")
    status = 0
    try:
        report = run_child(code, calls).encode("utf-8", "replace")
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:
            pass
        view = memoryview(report)
        while view:
            written = os.write(report_w, view)
            view = view[written:]
    except BaseException:
        status = 70
    os._exit(status)


def main():
    code, calls = read_request()
    report_r, report_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(report_r)
        child(code, calls, report_w)
    os.close(report_w)
    chunks = []
    size = 0
    while True:
        chunk = os.read(report_r, 65536)
        if not chunk:
            break
        size += len(chunk)
        if size > MAX_REPORT_BYTES:
            os.kill(pid, 9)
            chunks = None
            break
        chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    if chunks is None:
        header = b"oversized\n"
        chunks = []
    else:
        header = b"exit=%d\n" % os.waitstatus_to_exitcode(status)
    out = header + b"".join(chunks)
    view = memoryview(out)
    while view:
        written = os.write(1, view)
        view = view[written:]


main()
