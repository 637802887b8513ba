package dev.larder.resolve;

/**
 * What a {@code /+f/<key>/<filename>} URL names in an index: one of the files it shows, or that file's PEP 658
 * metadata ({@code <filename>.metadata}).
 */
public record ShownFile(MergedFile file, boolean metadata) {

    public static final String METADATA_SUFFIX = ".metadata";

    /** The blob that answers the URL: the distribution's, or its METADATA's. */
    public String sha256() {
        return metadata ? file.coreMetadataSha256() : file.sha256();
    }
}
