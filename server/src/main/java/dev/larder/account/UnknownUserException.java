package dev.larder.account;

import dev.larder.platform.Problem;
import dev.larder.platform.ProblemException;

public final class UnknownUserException extends ProblemException {
    public UnknownUserException(UserName name) {
        super(Problem.NOT_FOUND, "User '" + name + "' does not exist.");
    }
}
