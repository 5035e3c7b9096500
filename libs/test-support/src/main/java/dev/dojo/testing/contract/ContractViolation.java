package dev.dojo.testing.contract;

/**
 * A real exchange that the committed OpenAPI spec does not describe. Unchecked and not an HTTP client exception,
 * so the tests' API helpers (which turn 4xx/5xx into replies) cannot swallow it: the test fails on it.
 */
public final class ContractViolation extends RuntimeException {

    public ContractViolation(String message) {
        super(message);
    }
}
