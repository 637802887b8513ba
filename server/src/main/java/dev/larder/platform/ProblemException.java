package dev.larder.platform;

/**
 * A request that cannot be served, with a message for the person who sent it: it names the thing and, where
 * there is one, the fix. Thrown by features; answered by {@link ProblemHandler}.
 */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException invalid(String message) {
        return new ProblemException(Problem.INVALID, message);
    }

    public static ProblemException notFound(String message) {
        return new ProblemException(Problem.NOT_FOUND, message);
    }

    public static ProblemException forbidden(String message) {
        return new ProblemException(Problem.FORBIDDEN, message);
    }

    public static ProblemException conflict(String message) {
        return new ProblemException(Problem.CONFLICT, message);
    }

    public static ProblemException unauthenticated(String message) {
        return new ProblemException(Problem.UNAUTHENTICATED, message);
    }
}
