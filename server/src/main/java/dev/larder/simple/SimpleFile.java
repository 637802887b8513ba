package dev.larder.simple;

import java.time.Instant;

/**
 * One file as a simple page lists it (PEP 503/592/658/691/700).
 *
 * @param url where to download it, relative to the project page; ends in the filename, no query
 * @param sha256 null for an upstream file whose index gave no hash
 * @param yankedReason null when not yanked; may be empty when yanked without a reason
 * @param coreMetadata whether {@code <url>.metadata} is served (PEP 658)
 * @param coreMetadataSha256 its sha256, when known
 * @param size null when unknown (an upstream that serves only HTML); the page then claims API version 1.0
 */
public record SimpleFile(String filename, String url, String sha256, String requiresPython, boolean yanked,
                         String yankedReason, boolean coreMetadata, String coreMetadataSha256, Long size,
                         Instant uploadTime) {}
