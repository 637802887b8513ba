package dev.larder.index;

import dev.larder.account.UserName;
import java.util.regex.Pattern;

/** {@code user/index}: an index is named inside its owner's namespace. */
public record IndexName(UserName user, String name) {

    // No "+": paths starting with "+" (+simple, +f, +api) are the server's own.
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public IndexName {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid index name '" + name + "': use 1 to 64 lowercase ASCII"
                    + " letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
    }

    /** Parses {@code "user/index"}, the form the API and the CLI use. */
    public static IndexName parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            throw new IllegalArgumentException("Invalid index reference '" + text + "': expected 'user/index'.");
        }
        return new IndexName(new UserName(text.substring(0, slash)), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return user + "/" + name;
    }
}
