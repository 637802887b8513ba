package dev.larder.web;

import java.util.List;

/**
 * {@code /+search?q=}: matching projects of the indexes the visitor may read.
 *
 * @param upstreamLinks for a query that is a project name: its page through each readable index that inherits a
 *     mirror, since mirrored projects are not searched (upstream has hundreds of thousands)
 */
public record SearchPage(Viewer viewer, String query, List<Hit> hits, List<Link> upstreamLinks, String elapsed) {

    public record Hit(String displayName, String url, String index, String latestVersion, String summary,
                      String match) {}

    public record Link(String label, String url) {}
}
