package dev.larder.upstream;

/** What asking upstream for a project page gave. "Not found" is an answer; "unavailable" is a failure. */
public sealed interface UpstreamPage {

    /** A new page, with what to revalidate it with next time. */
    record Fetched(UpstreamProject project, String etag, String lastModified, Long serial) implements UpstreamPage {}

    /** 304: the page we hold is still current. */
    record NotModified() implements UpstreamPage {}

    /** 404: upstream has no such project. */
    record NotFound() implements UpstreamPage {}

    /** Upstream did not answer usefully: down, timed out, 5xx, or an unreadable page. */
    record Unavailable(String reason) implements UpstreamPage {}
}
