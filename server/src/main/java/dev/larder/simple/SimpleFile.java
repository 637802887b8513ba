package dev.larder.simple;

import java.time.Instant;

/**
 * One file as a simple page lists it (PEP 503/592/658/691/700).
 *
 * @param url where to download it, relative to the project page; ends in the filename, no query
 * @param yankedReason null when not yanked; may be empty when yanked without a reason
 * @param coreMetadataSha256 sha256 of the {@code .metadata} file when one is served, else null
 */
public record SimpleFile(String filename, String url, String sha256, String requiresPython, boolean yanked,
                         String yankedReason, String coreMetadataSha256, long size, Instant uploadTime) {}
