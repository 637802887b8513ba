package dev.larder.simple;

import java.util.Locale;

/**
 * Picks the form of a simple page (PEP 691 content negotiation), reproducing PyPI for every client: an explicit
 * {@code ?format=} wins; otherwise the highest-q type named exactly in {@code Accept} (ties: JSON, then v1 HTML,
 * then text/html); otherwise wildcards ({@code application/*} means v1 HTML, others text/html); otherwise, and
 * when there is no {@code Accept} at all, text/html. Never 406 or 300 (protocol.md §2.2).
 */
public final class AcceptNegotiation {

    private AcceptNegotiation() {}

    public static SimpleFormat choose(String accept, String format) {
        if (format != null) {
            // An unencoded "+" in a query arrives as a space; media types hold no spaces, so put it back.
            SimpleFormat explicit = exact(format.strip().replace(' ', '+').toLowerCase(Locale.ROOT));
            if (explicit != null) {
                return explicit;
            }
        }
        if (accept == null || accept.isBlank()) {
            return SimpleFormat.LEGACY_HTML;
        }
        double[] exactQ = {-1, -1, -1}; // by SimpleFormat ordinal; -1 = not named
        double textWildcard = -1;
        double applicationWildcard = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            SimpleFormat named = exact(type);
            if (named != null) {
                exactQ[named.ordinal()] = Math.max(exactQ[named.ordinal()], q);
            } else if (type.equals("*/*") || type.equals("text/*")) {
                textWildcard = Math.max(textWildcard, q);
            } else if (type.equals("application/*")) {
                applicationWildcard = Math.max(applicationWildcard, q);
            }
        }
        SimpleFormat best = null;
        for (SimpleFormat candidate : SimpleFormat.values()) { // declaration order breaks ties
            double q = exactQ[candidate.ordinal()];
            if (q > 0 && (best == null || q > exactQ[best.ordinal()])) {
                best = candidate;
            }
        }
        if (best != null) {
            return best;
        }
        if (applicationWildcard > 0 && applicationWildcard >= textWildcard) {
            return SimpleFormat.HTML;
        }
        return SimpleFormat.LEGACY_HTML;
    }

    private static SimpleFormat exact(String type) {
        return switch (type) {
            case "application/vnd.pypi.simple.v1+json", "application/vnd.pypi.simple.latest+json" -> SimpleFormat.JSON;
            case "application/vnd.pypi.simple.v1+html", "application/vnd.pypi.simple.latest+html" -> SimpleFormat.HTML;
            case "text/html" -> SimpleFormat.LEGACY_HTML;
            default -> null;
        };
    }

    /** RFC 9110 weight; a malformed one counts as 1, to be lenient with clients. */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).strip());
                    return q < 0 || q > 1 || Double.isNaN(q) ? 1 : q;
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
