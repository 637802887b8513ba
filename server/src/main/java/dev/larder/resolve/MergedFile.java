package dev.larder.resolve;

import dev.larder.index.Index;
import java.time.Instant;

/**
 * A file of a project as an index sees it through its bases (SPEC §4).
 *
 * @param from the index that supplied it: a stage that holds it, or the mirror it comes through
 * @param key what its URL names it by: its sha256, or for an upstream file without one, the sha256 of its URL
 * @param sha256 null for an upstream file whose index gave no hash
 * @param version null when the filename does not parse (legacy upstream files)
 * @param size null when upstream did not say
 */
public record MergedFile(Index from, String key, String filename, String version, String sha256,
                         String requiresPython, boolean yanked, String yankedReason, boolean coreMetadata,
                         String coreMetadataSha256, Long size, Instant uploadTime) {}
