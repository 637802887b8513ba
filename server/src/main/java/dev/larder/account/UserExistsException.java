package dev.larder.account;

import dev.larder.platform.Problem;
import dev.larder.platform.ProblemException;

public final class UserExistsException extends ProblemException {
    public UserExistsException(UserName name) {
        super(Problem.CONFLICT, "User '" + name + "' already exists.");
    }
}
