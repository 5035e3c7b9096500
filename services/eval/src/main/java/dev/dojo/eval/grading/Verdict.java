package dev.dojo.eval.grading;

import io.micronaut.serde.annotation.Serdeable;

/** The outcome of grading one submission; serialised in lower case on the wire. */
@Serdeable
public enum Verdict {
    passed, failed, error, timeout, memory_limit, output_limit
}
