package dev.larder.upstream;

import java.time.Instant;

/**
 * A project page of a mirror as last fetched: its content ({@code null} when upstream said 404) and what is needed
 * to revalidate it.
 */
record CachedPage(long rowId, UpstreamProject project, String etag, String lastModified, Long serial,
                  Instant fetchedAt, Instant checkedAt) {

    boolean found() {
        return project != null;
    }

    CachedPage checked(Instant at) {
        return new CachedPage(rowId, project, etag, lastModified, serial, fetchedAt, at);
    }
}
