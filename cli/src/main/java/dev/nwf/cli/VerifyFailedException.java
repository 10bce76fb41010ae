package dev.nwf.cli;
/** A round trip that did not reproduce the input exactly. */
final class VerifyFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    VerifyFailedException(String message) {
        super(message);
    }
}
