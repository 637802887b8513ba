package dev.larder.web;

import dev.larder.index.Index;
import dev.larder.index.IndexType;
import dev.larder.packaging.ProjectName;
import dev.larder.search.ProjectListings;
import dev.larder.search.SearchHit;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds {@code /+search}: private projects of every readable index, best match first. */
@Singleton
final class SearchPages {

    static final int MAX_HITS = 50;

    private final IndexPages indexPages;
    private final ProjectListings listings;
    private final Viewers viewers;

    SearchPages(IndexPages indexPages, ProjectListings listings, Viewers viewers) {
        this.indexPages = indexPages;
        this.listings = listings;
        this.viewers = viewers;
    }

    SearchPage search(HttpRequest<?> request, String query) {
        long started = System.nanoTime();
        String text = query == null ? "" : query.strip();
        List<Index> readable = indexPages.readable(viewers.caller(request));
        List<SearchPage.Hit> hits = listings.search(text, readable, MAX_HITS).stream().map(SearchPages::hit).toList();
        List<SearchPage.Link> upstream = new ArrayList<>();
        if (ProjectName.isValid(text)) {
            ProjectName name = new ProjectName(text);
            readable.stream().filter(index -> index.type() == IndexType.MIRROR).forEach(mirror -> upstream.add(
                    new SearchPage.Link(name.value() + " on " + mirror.name(),
                            PageFormat.projectUrl(mirror.name(), name))));
        }
        String elapsed = String.format(Locale.ROOT, "%.1f ms", (System.nanoTime() - started) / 1e6);
        return new SearchPage(viewers.viewer(request), text, hits, upstream, elapsed);
    }

    private static SearchPage.Hit hit(SearchHit hit) {
        var listing = hit.listing();
        String match = switch (hit.match()) {
            case EXACT_NAME -> "exact name";
            case NAME_PREFIX -> "name starts with it";
            case WORDS -> "words in name or summary";
        };
        return new SearchPage.Hit(listing.displayName(), PageFormat.projectUrl(listing.index().name(), listing.name()),
                listing.index().name().toString(), listing.latestVersion(), listing.summary(), match);
    }
}
