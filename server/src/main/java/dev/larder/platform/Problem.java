package dev.larder.platform;

/**
 * The kinds of request that cannot be served, each of which becomes one HTTP status in {@link ProblemHandler}.
 * Features speak of these, not of status codes, so only the web layer knows HTTP.
 */
public enum Problem {
    /** The request is malformed or breaks a rule (400). */
    INVALID,
    /** No credentials, or credentials that do not identify anyone (401 with a Basic challenge). */
    UNAUTHENTICATED,
    /** The caller is known but lacks the right (403). */
    FORBIDDEN,
    /** Nothing of that name, or nothing the caller may see (404). */
    NOT_FOUND,
    /** A method the resource does not support (405). */
    NOT_ALLOWED,
    /** The request conflicts with what exists (409). */
    CONFLICT,
    /** The thing asked for is gone for good (410). */
    GONE,
    /** A body over a configured size limit (413). */
    TOO_LARGE,
    /** Too many attempts; retry later (429). */
    THROTTLED,
    /** An upstream index did not answer and nothing cached can stand in (502). */
    UPSTREAM_UNAVAILABLE,
    /** Not ready yet, being prepared; retry soon (503). */
    NOT_READY
}
