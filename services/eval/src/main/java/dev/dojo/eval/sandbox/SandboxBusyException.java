package dev.dojo.eval.sandbox;

/** Every slot is taken and the waiting line is full (or waiting took too long). */
public class SandboxBusyException extends RuntimeException {
    public SandboxBusyException() {
        super("The grader is busy. Please try again in a moment.");
    }
}
