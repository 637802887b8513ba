package dev.larder.account;

import java.util.regex.Pattern;

/** A user's name, which is also the namespace of that user's indexes (SPEC §1). */
public record UserName(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public static final UserName ROOT = new UserName("root");

    public UserName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid user name '" + value + "': use 1 to 64 lowercase ASCII"
                    + " letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
    }

    public boolean isRoot() {
        return equals(ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
