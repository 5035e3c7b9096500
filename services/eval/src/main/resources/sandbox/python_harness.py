# Dojo's fixed Python grading harness. It runs inside the bubblewrap sandbox as:
#   python3 -I -S -B /sandbox/harness
# It only computes: it never sees an expected value, and the eval service decides every verdict outside the sandbox
# from the values reported here (docs/sandbox.md, "Threat model").
#
# stdin : "<examples> <hidden>\n", then the code, the example calls and the hidden calls, each as
#         "<byte length>\n<utf-8 bytes>". The hidden calls are read only after the example phase has ended.
# stdout: written by THIS process only, once per phase: "exit=<status of the child that ran the code>\n<length>\n"
#         then that child's report (JSON, untrusted); or "oversized\n" and nothing more.
#
# Phase 1 (examples) runs the code in a forked child whose stdout and stderr go to the sandbox's stderr (the output
# the learner sees). If an example raised (or the code did not run), the run ends there: the verdict is an error
# whatever the hidden tests say, and running the code again would only double a failing run's time. Otherwise every
# process of the run but this one is killed, the hidden calls are read, and phase 2
# runs the code again in a new child whose output goes to /dev/null: nothing the code does while it knows the hidden
# calls can reach the learner except the values eval compares. Each child reports through a private pipe that this
# parent relays; a child can forge only its own values, which is no more than a function returning anything could.
# There is no /proc in the sandbox, so a child cannot reopen this process's stdout.
# No json import: importing json (and with it re and enum) would double the interpreter's start-up time.
import os
import sys

MAX_REPORT_BYTES = 1 << 20
MAX_DEPTH = 64
SIGKILL = 9

# Taken before any submitted code runs, so replacing builtins does not change the harness.
_eval = eval
_compile = compile
_repr = repr
_isinstance = isinstance
_type = type
_hex = hex
_float_repr = float.__repr__
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def read_exactly(n):
    """Unbuffered, so no byte of a later phase sits in a buffer a child inherits."""
    chunks = []
    while n > 0:
        chunk = os.read(0, min(n, 65536))
        if not chunk:
            raise EOFError("short input")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def read_line():
    out = bytearray()
    while True:
        b = os.read(0, 1)
        if not b:
            raise EOFError("short input")
        if b == b"\n":
            return out.decode("ascii")
        out += b
        if len(out) > 32:
            raise ValueError("bad header")


def read_items(count):
    return [read_exactly(int(read_line())).decode("utf-8") for _ in range(count)]


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


class Opaque(Exception):
    pass


def encode(value, depth=0, room=None):
    """Lossless tagged JSON of plain data; eval compares it (docs/sandbox.md, "Values across the boundary").

    null, true, false and strings are themselves; an int is {"int": hex} (no JSON number precision limit, no
    int_max_str_digits); a float is {"float": repr}; a list is a JSON array; a tuple is {"tuple": [...]}; a dict is
    {"dict": [[key, value], ...]}. Anything else, or a subclass of these, is {"repr": text, "type": name}. A value
    whose encoding would not fit in a report is given up as soon as that is known (Opaque): quoting ten million
    characters one by one took longer than the wall limit, and the report could never have held them.
    """
    if room is None:
        room = [MAX_REPORT_BYTES]
    if depth > MAX_DEPTH:
        raise Opaque()
    kind = _type(value)
    if value is None:
        return spend(room, "null")
    if kind is bool:
        return spend(room, "true" if value else "false")
    if kind is int:
        return spend(room, '{"int": "%s"}' % _hex(value))
    if kind is float:
        return spend(room, '{"float": "%s"}' % _float_repr(value))
    if kind is str:
        try:
            value.encode("utf-8")  # lone surrogates would read back in Java as a different string
        except UnicodeEncodeError:
            return opaque(value)
        if len(value) > room[0]:
            raise Opaque()
        return spend(room, quote(value))
    if kind is list:
        return "[" + ", ".join(encode(item, depth + 1, room) for item in value) + "]"
    if kind is tuple:
        return '{"tuple": [' + ", ".join(encode(item, depth + 1, room) for item in value) + "]}"
    if kind is dict:
        return '{"dict": [' + ", ".join(
            "[" + encode(k, depth + 1, room) + ", " + encode(v, depth + 1, room) + "]" for k, v in value.items()) + "]}"
    return opaque(value)


def spend(room, text):
    room[0] -= len(text) + 2  # and the separator that follows it
    if room[0] < 0:
        raise Opaque()
    return text


def opaque(value):
    return '{"repr": %s, "type": %s}' % (quote(safe_repr(value)), quote(type_name(value)))


def result(value, ms):
    try:
        return '{"ok": true, "value": %s, "ms": %s}' % (encode(value), _float_repr(ms))
    except BaseException:
        return '{"ok": true, "value": %s, "ms": %s}' % (opaque(value), _float_repr(ms))


def failure(error, ms):
    return '{"ok": false, "error": %s, "memory": %s, "ms": %s}' % (
        quote(describe(error)), "true" if _isinstance(error, MemoryError) else "false", _float_repr(ms))


def safe_repr(value):
    try:
        return _repr(value)[:1000]
    except BaseException:
        return "<unrepresentable value>"


def type_name(value):
    try:
        return str(_type(value).__name__)[:100]
    except BaseException:
        return "?"


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


def child(code, calls, report_w, visible):
    devnull = os.open("/dev/null", os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(2 if visible else devnull, 1)
    if not visible:
        os.dup2(devnull, 2)
    os.close(devnull)
    os.closerange(3, report_w)
    os.closerange(report_w + 1, 1 << 16)
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


def run_phase(code, calls, visible):
    """Forks a child for one phase; returns (exit status, report bytes), or None when the report was oversized."""
    report_r, report_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(report_r)
        child(code, calls, report_w, visible)
    os.close(report_w)
    chunks = []
    size = 0
    while True:
        chunk = os.read(report_r, 65536)
        if not chunk:
            break
        size += len(chunk)
        if size > MAX_REPORT_BYTES:
            os.kill(pid, SIGKILL)
            chunks = None
            break
        chunks.append(chunk)
    os.close(report_r)
    _, status = os.waitpid(pid, 0)
    if chunks is None:
        return None
    return os.waitstatus_to_exitcode(status), b"".join(chunks)


def framed(exit_status, report):
    return b"exit=%d\n%d\n" % (exit_status, len(report)) + report


def clean(exit_status, report):
    """Phase 1 ran every example without an exception: only then is phase 2 worth its time (the verdict is an error
    otherwise). The report is the submission's own claim; misreporting here can only cost it its hidden tests."""
    return exit_status == 0 and report.startswith(b'{"phase": "ok"') and b'"ok": false' not in report


def kill_leftovers():
    """Kills every other process of the run (the sandbox's PID 1 is spared by the kernel), until none is left."""
    for _ in range(10000):
        try:
            os.kill(-1, SIGKILL)
        except ProcessLookupError:
            return
    raise SystemExit(71)


def emit(data):
    view = memoryview(data)
    while view:
        written = os.write(1, view)
        view = view[written:]


def main():
    examples, hidden = (int(n) for n in read_line().split(" "))
    code = read_items(1)[0]
    first = run_phase(code, read_items(examples), True)
    if first is None:
        emit(b"oversized\n")
        return
    emit(framed(*first))
    if not clean(*first):
        return
    kill_leftovers()
    second = run_phase(code, read_items(hidden), False)
    emit(b"oversized\n" if second is None else framed(*second))


main()
