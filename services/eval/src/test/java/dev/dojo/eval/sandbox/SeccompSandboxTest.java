package dev.dojo.eval.sandbox;

import dev.dojo.eval.sandbox.seccomp.SeccompArch;
import dev.dojo.eval.sandbox.seccomp.SeccompFilter;
import dev.dojo.eval.testing.SandboxProbeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside the real sandbox, through the API: every call the seccomp filter names fails with the filter's errno
 * (the probe's arguments make most of them succeed or fail differently without the filter), and ordinary Python
 * still works under it.
 */
@MicronautTest
class SeccompSandboxTest extends SandboxProbeTestBase {

    @Test
    void everyRefusedCallFailsInsideTheSandbox() throws IOException {
        String probe;
        try (InputStream in = getClass().getResourceAsStream("/sandbox/seccomp_probe.py")) {
            probe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String output = passingOutput(probe);
        assertTrue(output.contains("seccomp-mode 2\n"), output);
        Map<String, String> results = new TreeMap<>();
        output.lines().filter(line -> line.startsWith("call ")).forEach(line -> {
            String[] parts = line.split(" ");
            results.put(parts[1], parts[2] + " " + parts[3]);
        });
        SeccompArch arch = SeccompArch.of(System.getProperty("os.arch")).orElseThrow();
        Map<String, String> expected = new TreeMap<>();
        SeccompFilter.REFUSED.keySet().stream().filter(call -> arch.number(call).isPresent())
                .forEach(call -> expected.put(call, "-1 " + SeccompFilter.EPERM));
        for (String flag : new String[] {"NEWNS", "NEWCGROUP", "NEWUTS", "NEWIPC", "NEWUSER", "NEWPID", "NEWNET"}) {
            expected.put("clone_" + flag, "-1 " + SeccompFilter.EPERM);
        }
        expected.put("clone3", "-1 " + SeccompFilter.ENOSYS);
        assertEquals(expected, results, output);
    }

    @Test
    void ordinaryPythonStillWorks() {
        String output = passingOutput("""
                import collections, itertools, functools, json, re, math, decimal, fractions, datetime, hashlib
                import random, heapq, bisect, string, textwrap, unicodedata, dataclasses, typing, statistics
                import threading, subprocess, sys, os, time, io, struct, array, copy, enum, operator
                from concurrent.futures import ThreadPoolExecutor

                def depth(n):
                    return 0 if n == 0 else 1 + depth(n - 1)
                print('recursion', depth(900))
                print('bigint', (2 ** 100000 + 1).bit_length(), len(str(3 ** 8000)),
                      (7 ** 12345) % 1_000_007 == pow(7, 12345, 1_000_007))
                class Custom(Exception):
                    pass
                try:
                    try:
                        raise Custom('inner')
                    finally:
                        cleaned = True
                except Custom as e:
                    print('exception', e, cleaned)
                try:
                    {}['missing']
                except KeyError as e:
                    print('keyerror', repr(e))
                text = ' '.join(f'{w[::-1]:>6}' for w in 'the quick brown fox'.split())
                print('strings', text.upper().count('E'), re.sub(r'\\s+', '_', text.strip()),
                      unicodedata.normalize('NFC', 'e\\u0301') == '\\u00e9', 'déjà'.encode().decode('utf-8'))
                print('json', json.loads(json.dumps({'a': [1, 2.5, None]}))['a'][1])
                print('hash', hashlib.sha256(b'dojo').hexdigest()[:8], decimal.Decimal('0.1') + decimal.Decimal('0.2'))
                got = []
                threads = [threading.Thread(target=got.append, args=(i,)) for i in range(4)]
                [t.start() for t in threads]
                [t.join() for t in threads]
                print('threads', sorted(got))
                with ThreadPoolExecutor(max_workers=3) as pool:
                    print('pool', sum(pool.map(lambda x: x * x, range(10))))
                child = subprocess.run([sys.executable, '-I', '-S', '-c', 'print(6 * 7)'], capture_output=True)
                print('subprocess', child.stdout.decode().strip())
                pid = os.fork()
                if pid == 0:
                    os._exit(7)
                print('fork', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                """);
        for (String expected : new String[] {"recursion 900", "bigint 100001 3817 True", "exception inner True",
                "keyerror KeyError('missing')", "strings ", "json 2.5", "hash ", "threads [0, 1, 2, 3]", "pool 285",
                "subprocess 42", "fork 7"}) {
            assertTrue(output.contains(expected), expected + " missing from:\n" + output);
        }
    }

    @Test
    void noUserNamespaceEvenWithoutDisableUserns() {
        String output = passingOutput("""
                import ctypes, os
                libc = ctypes.CDLL(None, use_errno=True)
                print('unshare', libc.unshare(0x10000000), ctypes.get_errno())
                print('sysctl', os.path.exists('/proc/sys'))
                """);
        assertTrue(output.contains("unshare -1 1"), output);
    }
}
