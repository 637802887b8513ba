package dev.larder.files;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One satisfiable byte range of a file of {@code size} bytes, from a {@code Range} header (RFC 9110 §14):
 * {@code bytes=a-b}, {@code bytes=a-} and the suffix form {@code bytes=-n} that uv and poetry use to read a
 * wheel's central directory. Several ranges are answered with the whole file, which RFC 9110 allows.
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    long length() {
        return last - first + 1;
    }

    /** What a {@code Range} header asks of a file. */
    sealed interface Request permits Whole, Partial, Unsatisfiable {}

    /** No usable range: send everything with 200. */
    record Whole() implements Request {}

    record Partial(ByteRange range) implements Request {}

    /** 416, with {@code Content-Range: bytes *}/size. */
    record Unsatisfiable() implements Request {}

    static Request parse(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Whole(); // unknown units, several ranges or nonsense: ignoring Range is always allowed
        }
        Optional<Long> first = number(m.group(1));
        Optional<Long> last = number(m.group(2));
        if ((!m.group(1).isEmpty() && first.isEmpty()) || (!m.group(2).isEmpty() && last.isEmpty())) {
            return new Whole();
        }
        if (first.isEmpty()) {
            long suffix = last.get();
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Partial(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long from = first.get();
        if (from >= size) {
            return new Unsatisfiable();
        }
        long to = last.map(l -> Math.min(l, size - 1)).orElse(size - 1);
        if (to < from) {
            return new Whole(); // a syntactically invalid range is ignored (RFC 9110 §14.1.1)
        }
        return new Partial(new ByteRange(from, to));
    }

    private static Optional<Long> number(String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
