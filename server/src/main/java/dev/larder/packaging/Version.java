package dev.larder.packaging;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version, parsed leniently and kept in canonical form.
 *
 * <p>Parsing and normalization follow https://packaging.python.org/en/latest/specifications/version-specifiers/
 * and its regex appendix (as implemented by {@code packaging.version}). Two versions are equal when they order
 * equal: {@code 1.0 == 1.0.0}, so {@link #equals} and {@link #compareTo} agree and a version can key a map.
 */
public final class Version implements Comparable<Version> {

    // The permissive regex of packaging.version.VERSION_PATTERN; Java group names cannot hold "_".
    private static final Pattern PATTERN = Pattern.compile(
            "^\\s*v?"
                    + "(?:(?:(?<epoch>[0-9]+)!)?"
                    + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
                    + "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?"
                    + "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?)"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?"
                    + "\\s*\\z",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCAL_SEPARATOR = Pattern.compile("[-_.]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /** Pre-release phases in their canonical spelling, in the order they sort. */
    public enum Phase {
        ALPHA("a"), BETA("b"), RELEASE_CANDIDATE("rc");

        private final String spelling;

        Phase(String spelling) {
            this.spelling = spelling;
        }

        static Phase of(String label) {
            return switch (label.toLowerCase(Locale.ROOT)) {
                case "a", "alpha" -> ALPHA;
                case "b", "beta" -> BETA;
                default -> RELEASE_CANDIDATE; // c, rc, pre, preview
            };
        }
    }

    public record PreRelease(Phase phase, BigInteger number) {}

    private final BigInteger epoch;
    private final List<BigInteger> release;
    private final PreRelease pre;
    private final BigInteger post;
    private final BigInteger dev;
    private final List<String> local;
    private final String canonical;

    private Version(BigInteger epoch, List<BigInteger> release, PreRelease pre, BigInteger post, BigInteger dev,
                    List<String> local) {
        this.epoch = epoch;
        this.release = List.copyOf(release);
        this.pre = pre;
        this.post = post;
        this.dev = dev;
        this.local = List.copyOf(local);
        this.canonical = render(false);
    }

    /** Parses any spelling PEP 440 accepts, or throws with a message naming the value. */
    public static Version parse(String text) {
        Matcher m = text == null ? null : PATTERN.matcher(text);
        if (m == null || !m.matches()) {
            throw new InvalidDistributionNameException("Invalid version '" + text + "': it is not a PEP 440 version"
                    + " (for example 1.0, 2.1.3rc1, 1.0.post2, 0.9.dev3, 1.0+local.1).");
        }
        BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(new BigInteger(part));
        }
        PreRelease pre = null;
        if (m.group("pre") != null) {
            pre = new PreRelease(Phase.of(m.group("preL")), numberOrZero(m.group("preN")));
        }
        BigInteger post = null;
        if (m.group("post") != null) {
            post = numberOrZero(m.group("postN1") != null ? m.group("postN1") : m.group("postN2"));
        }
        BigInteger dev = m.group("dev") == null ? null : numberOrZero(m.group("devN"));
        List<String> local = new ArrayList<>();
        if (m.group("local") != null) {
            for (String segment : LOCAL_SEPARATOR.split(m.group("local").toLowerCase(Locale.ROOT))) {
                local.add(DIGITS.matcher(segment).matches() ? new BigInteger(segment).toString() : segment);
            }
        }
        return new Version(epoch, release, pre, post, dev, local);
    }

    public static boolean isValid(String text) {
        return text != null && PATTERN.matcher(text).matches();
    }

    private static BigInteger numberOrZero(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    public BigInteger epoch() {
        return epoch;
    }

    public List<BigInteger> release() {
        return release;
    }

    public PreRelease pre() {
        return pre;
    }

    public BigInteger post() {
        return post;
    }

    public BigInteger dev() {
        return dev;
    }

    public List<String> local() {
        return local;
    }

    /** Pre-releases and development releases are skipped by installers unless asked for. */
    public boolean isPrerelease() {
        return pre != null || dev != null;
    }

    public boolean isLocal() {
        return !local.isEmpty();
    }

    /**
     * The identity of a release, as {@code packaging.utils.canonicalize_version} gives it: the canonical form with
     * trailing {@code .0} release parts removed, so {@code 1.0} and {@code 1.0.0} name the same release.
     */
    public String releaseKey() {
        return render(true);
    }

    private String render(boolean stripTrailingZeros) {
        StringBuilder out = new StringBuilder();
        if (epoch.signum() != 0) {
            out.append(epoch).append('!');
        }
        List<BigInteger> parts = stripTrailingZeros ? withoutTrailingZeros(release) : release;
        for (int i = 0; i < parts.size(); i++) {
            out.append(i == 0 ? "" : ".").append(parts.get(i));
        }
        if (pre != null) {
            out.append(pre.phase().spelling).append(pre.number());
        }
        if (post != null) {
            out.append(".post").append(post);
        }
        if (dev != null) {
            out.append(".dev").append(dev);
        }
        if (!local.isEmpty()) {
            out.append('+').append(String.join(".", local));
        }
        return out.toString();
    }

    private static List<BigInteger> withoutTrailingZeros(List<BigInteger> parts) {
        int end = parts.size();
        while (end > 1 && parts.get(end - 1).signum() == 0) {
            end--;
        }
        return parts.subList(0, end);
    }

    /**
     * Orders as {@code packaging.version} does: epoch, release (trailing zeros ignored), then a development release
     * of a final version before its pre-releases, pre-releases before the final release, post-releases after it,
     * development releases before what they lead to, and a local version after its public one.
     */
    @Override
    public int compareTo(Version other) {
        int c = epoch.compareTo(other.epoch);
        if (c == 0) c = compareRelease(withoutTrailingZeros(release), withoutTrailingZeros(other.release));
        if (c == 0) c = Integer.compare(preRank(), other.preRank());
        if (c == 0 && pre != null && other.pre != null) c = pre.number().compareTo(other.pre.number());
        if (c == 0) c = compareMissingFirst(post, other.post);
        if (c == 0) c = compareMissingLast(dev, other.dev);
        if (c == 0) c = compareLocal(local, other.local);
        return c;
    }

    /** A bare {@code .devN} of a final release sorts below every pre-release of it; no pre-release sorts above all. */
    private int preRank() {
        if (pre == null) {
            return post == null && dev != null ? -1 : Phase.values().length;
        }
        return pre.phase().ordinal();
    }

    private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareMissingFirst(BigInteger a, BigInteger b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    private static int compareMissingLast(BigInteger a, BigInteger b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return a.compareTo(b);
    }

    /** Alphanumeric segments sort before numeric ones; numeric ones compare as numbers; a prefix sorts first. */
    private static int compareLocal(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xNumeric = DIGITS.matcher(x).matches();
            boolean yNumeric = DIGITS.matcher(y).matches();
            int c;
            if (xNumeric && yNumeric) {
                c = new BigInteger(x).compareTo(new BigInteger(y));
            } else if (xNumeric != yNumeric) {
                c = xNumeric ? 1 : -1;
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, withoutTrailingZeros(release), pre, post, dev, local);
    }

    /** The canonical spelling: {@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]}. */
    @Override
    public String toString() {
        return canonical;
    }
}
