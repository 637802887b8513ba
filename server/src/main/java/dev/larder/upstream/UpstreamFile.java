package dev.larder.upstream;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One file of an upstream project page, as upstream describes it (PEP 691 / PEP 503).
 *
 * @param url absolute, as upstream gave it (after resolving relative links), without the hash fragment
 * @param sha256 upstream's sha256, or null when it gave none
 * @param yankedReason null when not yanked; empty when yanked without a reason
 * @param coreMetadata whether upstream serves {@code <url>.metadata}
 * @param coreMetadataSha256 its sha256 when upstream gave one
 * @param size null when upstream did not say
 * @param uploadTime null when upstream did not say
 */
@Serdeable
public record UpstreamFile(String filename, String url, String sha256, String requiresPython, boolean yanked,
                           String yankedReason, boolean coreMetadata, String coreMetadataSha256, Long size,
                           Instant uploadTime) {}
