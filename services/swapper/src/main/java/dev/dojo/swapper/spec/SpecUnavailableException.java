package dev.dojo.swapper.spec;

/** A service's spec could not be fetched or parsed; the message says why, without a stack trace's detail. */
public class SpecUnavailableException extends RuntimeException {

    public SpecUnavailableException(String message) {
        super(message, null, false, false);
    }
}
