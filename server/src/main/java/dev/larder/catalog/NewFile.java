package dev.larder.catalog;

import dev.larder.packaging.DistributionFilename;
import dev.larder.storage.Digests;

/**
 * A distribution file about to join an index; its bytes (and its core metadata's, if any) are already in the blob
 * store.
 *
 * @param coreMetadataSha256 the sha256 of the wheel's METADATA served as PEP 658 metadata, or null
 */
public record NewFile(DistributionFilename filename, String packagetype, String pythonVersion, Digests digests,
                      long size, String requiresPython, String comment, String coreMetadataSha256,
                      long coreMetadataSize) {}
