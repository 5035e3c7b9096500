package dev.dojo.eval.sandbox;

import dev.dojo.eval.testing.SandboxProbeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each file limit on its own, seen from inside the sandbox (defaults: RLIMIT_FSIZE 1 MiB, RLIMIT_NOFILE 64, /tmp
 * tmpfs 8 MiB): the probe reports the errno the kernel gave and how far it got, then a correct {@code sum} still
 * passes, so the limit made a call fail without breaking the run.
 */
@MicronautTest
class SandboxLimitsTest extends SandboxProbeTestBase {

    private static final int EFBIG = 27;
    private static final int ENOSPC = 28;
    private static final int EMFILE = 24;

    @Test
    void aFileStopsGrowingAtTheFileSizeLimit() {
        // one file, well under the tmpfs size: only RLIMIT_FSIZE can stop it (Python ignores SIGXFSZ: EFBIG)
        String output = passingOutput("""
                import os
                fd = os.open('/tmp/big', os.O_WRONLY | os.O_CREAT)
                chunk = b'x' * 65536
                try:
                    for _ in range(64):
                        os.write(fd, chunk)
                    print('wrote 4 MiB')
                except OSError as e:
                    print('stopped', e.errno, os.fstat(fd).st_size)
                os.close(fd)
                open('/tmp/small', 'wb').write(b'y' * 1000)
                print('small', os.path.getsize('/tmp/small'))
                """);
        assertTrue(output.contains("stopped " + EFBIG + " 1048576\n"), output);
        assertTrue(output.contains("small 1000"), output);
    }

    @Test
    void tmpFillsUpAtItsSizeWithFilesEachUnderTheFileLimit() {
        String output = passingOutput("""
                import os
                total = 0
                chunk = b'x' * (512 * 1024)
                try:
                    for i in range(40):
                        with open('/tmp/part%d' % i, 'wb', buffering=0) as f:
                            total += f.write(chunk)
                    print('wrote', total)
                except OSError as e:
                    print('full', e.errno, total // 1024)
                """);
        assertTrue(output.contains("full " + ENOSPC + " "), output);
        String kib = output.substring(output.indexOf("full " + ENOSPC + " ")).split("\\s+")[2];
        // 8 MiB of tmpfs, less what the filesystem itself uses
        assertTrue(Integer.parseInt(kib) > 7 * 1024 && Integer.parseInt(kib) <= 8 * 1024, output);
    }

    @Test
    void openingFilesStopsAtTheOpenFilesLimit() {
        String output = passingOutput("""
                import os
                fds = []
                try:
                    while True:
                        fds.append(os.open('/dev/null', os.O_RDONLY))
                except OSError as e:
                    print('stopped', e.errno, max(fds))
                for fd in fds:
                    os.close(fd)
                print('reopened', os.open('/dev/null', os.O_RDONLY) < 64)
                """);
        // descriptors 0..63 exist: the highest one opened is 63
        assertTrue(output.contains("stopped " + EMFILE + " 63\n"), output);
        assertTrue(output.contains("reopened True"), output);
    }
}
