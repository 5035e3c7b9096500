package dev.dojo.eval.sandbox;

/** A host path made visible read-only inside the sandbox at {@code target}. */
public record Bind(String source, String target) {
}
