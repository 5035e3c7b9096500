package dev.dojo.launcher;

import java.io.PrintStream;

/**
 * The launcher's one output stream. Log pumps of several processes write concurrently, so every line goes out
 * whole under one lock, with the name of the process it came from in front.
 */
public final class Console {

    private final PrintStream out;

    public Console(PrintStream out) {
        this.out = out;
    }

    /** A line from a child process (or the launcher itself): {@code [users] ...}. */
    public void line(String source, String text) {
        synchronized (out) {
            out.print('[');
            out.print(source);
            out.print("] ");
            out.println(text);
            out.flush();
        }
    }

    public void info(String text) {
        line("launcher", text);
    }

    /** A line without prefix: the ready banner, which tools match exactly. */
    public void plain(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
