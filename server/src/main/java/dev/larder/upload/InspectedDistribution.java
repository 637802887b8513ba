package dev.larder.upload;

import dev.larder.packaging.CoreMetadata;

/**
 * What reading a distribution archive found: its core metadata, parsed, and the exact bytes of a wheel's
 * {@code METADATA}, which are served unchanged as its PEP 658 {@code .metadata} file (null for sdists).
 */
record InspectedDistribution(CoreMetadata metadata, byte[] wheelMetadata) {}
