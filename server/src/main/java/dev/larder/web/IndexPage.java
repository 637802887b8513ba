package dev.larder.web;

import java.util.List;

/**
 * {@code /{user}/{index}/}: an index, what it inherits, its private projects a page at a time, its newest files.
 *
 * @param order the resolution order (SPEC §3): the index, its stages, then mirrors
 * @param previousUrl null on the first page; {@code nextUrl} null on the last
 * @param upstream upstream projects fetched through the mirrors of the order, after the private ones; paged on
 *     their own
 */
public record IndexPage(Viewer viewer, IndexCard index, List<IndexCard> order, List<Listed> projects, long total,
                        int pageNumber, int pageCount, String previousUrl, String nextUrl, List<Upload> uploads,
                        List<IndexCard> mirrors, List<Fetched> upstream, long upstreamTotal,
                        String upstreamPreviousUrl, String upstreamNextUrl, String simpleUrl, String rssUrl) {

    /** An upstream project a mirror of the order has fetched a page of, and when. */
    public record Fetched(String name, String url, String mirror, String fetchedAt) {}

    /** A project of a stage in the order, with its latest version and summary. */
    public record Listed(String displayName, String url, String latestVersion, String summary, String from) {}

    /** A recently uploaded file. {@code uploader} is null once the user was deleted. */
    public record Upload(String filename, String projectUrl, String displayName, String version, String size,
                         String uploadTime, String uploader, String from) {}
}
