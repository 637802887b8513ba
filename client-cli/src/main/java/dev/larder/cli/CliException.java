package dev.larder.cli;

/** A failure to report to the user as one message, with the exit code that tells scripts what kind it was. */
final class CliException extends RuntimeException {

    /** The server refused the request (its message is shown). */
    static final int REFUSED = 1;
    /** The command line was wrong. */
    static final int USAGE = 2;
    /** The server could not be reached. */
    static final int CONNECTION = 3;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static CliException usage(String message) {
        return new CliException(USAGE, message);
    }
}
