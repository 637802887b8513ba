package dev.larder.catalog;

import dev.larder.index.IndexName;
import dev.larder.packaging.Version;
import dev.larder.storage.Digests;
import java.time.Instant;

/**
 * A file as an index shows it.
 *
 * @param from the index it was uploaded or pushed to
 * @param coreMetadataSha256 sha256 of its PEP 658 metadata file, or null when it has none
 * @param yanked the release's yanked flag, carried on each file as the simple API wants it
 */
public record ReleaseFile(IndexName from, String filename, Version version, String packagetype,
                          String pythonVersion, Digests digests, long size, String requiresPython,
                          String coreMetadataSha256, Instant uploadTime, String uploader, String comment,
                          boolean yanked, String yankedReason) {

    public boolean hasCoreMetadata() {
        return coreMetadataSha256 != null;
    }
}
