package dev.larder.web;

/** Headers every page carries. */
final class PageHeaders {

    /**
     * Defence in depth behind sanitising: even a description that slipped through could run no script of its own
     * (only /+static/larder.js), load no style, and post no form elsewhere. README images may come from any https
     * or http host, as on PyPI.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' https: http: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private PageHeaders() {}
}
