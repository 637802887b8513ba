package dev.larder.catalog;

import dev.larder.packaging.ProjectName;
import java.time.Instant;

/** A file as an index's "recent uploads" list shows it. {@code uploader} is null once the user is deleted. */
public record RecentUpload(long indexId, ProjectName project, String displayName, String version, String filename,
                           long size, Instant uploadTime, String uploader) {}
