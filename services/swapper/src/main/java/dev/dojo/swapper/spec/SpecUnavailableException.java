package dev.dojo.swapper.spec;

/**
 * A service's spec could not be fetched or parsed; the message says why, without a stack trace's detail and without
 * the service's address: it is shown to anyone in the portal's list ({@code GET /docs/services}), while the log
 * names the address.
 */
public class SpecUnavailableException extends RuntimeException {

    public SpecUnavailableException(String message) {
        super(message, null, false, false);
    }
}
