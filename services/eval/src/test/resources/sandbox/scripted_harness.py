# A stand-in for the grading harness in SandboxTest: it answers the readiness probe as the real harness does, and
# otherwise does what its stdin says ("stdout N", "stderr N", "sleep S", "fail TEXT", "whoami",
# "rlimits", "stderr-then-sleep N", "memory MIB"), so each of
# the sandbox's own limits can be met on its own. It runs inside the real sandbox, under the real limits.
import os
import sys
import time

data = b""
while True:
    chunk = os.read(0, 65536)
    if not chunk:
        break
    data += chunk

if b"6 * 7" in data:
    for report in (b'[{"int": "0x2a"}]', b"[]"):
        os.write(1, b"exit=0\n%d\n" % len(report) + report)
    sys.exit(0)

command, _, argument = data.decode().partition(" ")


def write_all(fd, count):
    block = b"x" * 65536
    while count > 0:
        count -= os.write(fd, block[:min(count, len(block))])


if command == "stdout":
    write_all(1, int(argument))
elif command == "stderr":
    write_all(2, int(argument))
elif command == "stderr-then-sleep":
    write_all(2, int(argument))
    time.sleep(600)
elif command == "memory":
    block = bytearray(int(argument) << 20)
    for i in range(0, len(block), 4096):
        block[i] = 1
    os.write(1, b"allocated")
elif command == "sleep":
    time.sleep(float(argument))
elif command == "whoami":
    os.write(1, b"%d %d %s" % (os.getuid(), os.getgid(), str(sorted(os.environ)).encode()))
elif command == "rlimits":
    import resource
    names = ("CPU", "AS", "NPROC", "NOFILE", "FSIZE", "CORE")
    os.write(1, " ".join("%s=%d:%d" % ((name,) + resource.getrlimit(getattr(resource, "RLIMIT_" + name)))
                         for name in names).encode())
elif command == "fail":
    os.write(2, argument.encode())
    sys.exit(3)
