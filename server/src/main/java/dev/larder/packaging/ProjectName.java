package dev.larder.packaging;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A project name in its normalized form, the one key under which a project is stored and served.
 *
 * <p>Valid names and normalization follow https://packaging.python.org/en/latest/specifications/name-normalization/
 * (originally PEP 503): ASCII letters, digits, {@code .}, {@code _} and {@code -}, starting and ending with a letter
 * or digit; normalized by lower-casing and collapsing every run of {@code -_.} into one {@code -}.
 */
public record ProjectName(String value) implements Comparable<ProjectName> {

    // "\z", not "$": both Python's and Java's "$" accept a trailing newline (the spec was corrected in 2025).
    private static final Pattern VALID = Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])\\z", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR_RUN = Pattern.compile("[-_.]+");

    /** Accepts any valid spelling ({@code Friendly.Bard}) and keeps the normalized one ({@code friendly-bard}). */
    public ProjectName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidDistributionNameException("Invalid project name '" + value + "': a name must start and end"
                    + " with an ASCII letter or digit and contain only ASCII letters, digits, '.', '_' and '-'.");
        }
        value = normalize(value);
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** True when {@code name} is already in normalized form, e.g. as it appears in a canonical URL. */
    public static boolean isNormalized(String name) {
        return isValid(name) && normalize(name).equals(name);
    }

    /** The form wheel and new-style sdist filenames use: normalized, with {@code _} in place of {@code -}. */
    public String filenameForm() {
        return value.replace('-', '_');
    }

    private static String normalize(String name) {
        // Locale.ROOT: in a Turkish locale "I".toLowerCase() is a dotless i.
        return SEPARATOR_RUN.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    @Override
    public int compareTo(ProjectName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
