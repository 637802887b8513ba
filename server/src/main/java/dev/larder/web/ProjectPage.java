package dev.larder.web;

import java.util.List;

/**
 * {@code /{user}/{index}/{project}/} and {@code .../{version}/}: a project as this index shows it, merged through
 * inheritance, with one version's metadata and files.
 *
 * @param metadataNote set when the version's metadata is not known here (an upstream release whose metadata file
 *     was never fetched), saying so
 * @param stale true when a mirror could not reach upstream and its last page is shown
 */
public record ProjectPage(Viewer viewer, String indexName, String indexUrl, String displayName, String version,
                          String latestVersion, String latestUrl, String summary,
                          Description description,
                          String requiresPython, String installCommand, boolean yanked, String yankedReason,
                          List<VersionLink> versions, List<FileRow> files, List<Dependency> dependencies,
                          String metadataNote, String explainUrl, String rssUrl, String simpleUrl, boolean stale) {

    public boolean isLatest() {
        return version.equals(latestVersion);
    }

    public record VersionLink(String version, String url, boolean yanked, String yankedReason, boolean current) {}

    /**
     * A file of the shown version.
     *
     * @param origin how it reaches this index: "uploaded here", "inherited", or "mirrored"
     * @param blake2b256 null (with {@code md5}) for upstream files, whose index gives only a sha256
     */
    public record FileRow(String filename, String url, String size, String uploadTime, String uploader,
                          String requiresPython, String from, String origin, String sha256, String blake2b256,
                          String md5) {}

    /** A Requires-Dist line; {@code url} is the dependency's page on this index, null when its name is unreadable. */
    public record Dependency(String requirement, String url) {}
}
