package dev.larder.simple;

/** The three forms of a simple page (PEP 503 HTML, PEP 691 JSON), by the media type each is sent with. */
public enum SimpleFormat {
    JSON("application/vnd.pypi.simple.v1+json"),
    HTML("application/vnd.pypi.simple.v1+html"),
    LEGACY_HTML("text/html");

    /** Exactly this, without parameters for JSON: devpi and proxpi compare the whole header (protocol.md §2.2). */
    private final String mediaType;

    SimpleFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public String contentType() {
        return this == JSON ? mediaType : mediaType + "; charset=utf-8";
    }

    public boolean isJson() {
        return this == JSON;
    }
}
