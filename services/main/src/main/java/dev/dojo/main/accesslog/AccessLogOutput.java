package dev.dojo.main.accesslog;

import jakarta.inject.Singleton;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Where the access lines go: main's standard output, unbuffered (the writer hands over whole batches of lines). */
@Singleton
public class AccessLogOutput {

    private final OutputStream out = new FileOutputStream(FileDescriptor.out);

    /** Writes a batch of whole lines. */
    public void write(byte[] lines) throws IOException {
        out.write(lines);
    }
}
