package dev.larder.web;

/**
 * A release's long description, ready for a page: either {@code html} (Markdown rendered, then sanitised) or
 * {@code text} to show as it is (reStructuredText and plain text, for which no maintained Java renderer exists).
 * Both null when the release has none.
 */
public record Description(String html, String text) {

    static final Description NONE = new Description(null, null);
}
