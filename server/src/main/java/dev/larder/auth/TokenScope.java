package dev.larder.auth;

import dev.larder.platform.ProblemException;
import java.util.Locale;

/** What a token may do: {@code read} indexes, or also {@code upload} (and change what its user may change). */
public enum TokenScope {
    READ, UPLOAD;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TokenScope fromWireName(String text) {
        for (TokenScope scope : values()) {
            if (scope.wireName().equals(text)) {
                return scope;
            }
        }
        throw ProblemException.invalid("Token scope must be \"read\" or \"upload\", not \"" + text + "\".");
    }
}
