package dev.dojo.eval.sandbox;

import java.util.List;

/**
 * What the sandbox needs to know about one language: which host files its interpreter needs (bound read-only,
 * nothing else of the host is visible), the fixed harness, and the command that starts the harness inside.
 * The harness protocol is the same for every language: stdin {@code {"code":..., "calls":[...]}}, stdout one JSON
 * object {@code {"exit": n, "report": {...}}} written by the harness, program output on stderr.
 */
public interface LanguageRuntime {

    /** The exercise language this runtime grades, e.g. {@code python}. */
    String language();

    /** Read-only binds the interpreter needs (binary, standard library, shared libraries). */
    List<Bind> binds();

    /** The harness file on the host; bound read-only at {@link #HARNESS_PATH}. */
    java.nio.file.Path harness();

    /** The command run inside the sandbox. */
    List<String> command();

    String HARNESS_PATH = "/sandbox/harness";
}
