package dev.larder.web;

import java.util.Map;

/** Headers every page carries. */
final class PageHeaders {

    /**
     * Defence in depth behind sanitising: even a description that slipped through could run no script of its own
     * (only /+static/larder.js), load no style, and post no form elsewhere. README images may come from any https
     * or http host, as on PyPI.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' https: http: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * Every header a page carries. A page names who is logged in and may show a private index, so no shared cache
     * may keep it, and a browser asks again each time (pages are cheap to render).
     */
    static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Cache-Control", "private, no-cache",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin");

    private PageHeaders() {}
}
