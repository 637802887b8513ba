package dev.larder.catalog;

import dev.larder.packaging.Version;
import java.time.Instant;
import java.util.List;

public record ReleaseView(Version version, ReleaseMetadata metadata, boolean yanked, String yankedReason,
                          Instant createdAt, List<ReleaseFile> files) {}
