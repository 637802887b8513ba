package dev.larder.web;

import dev.larder.auth.Caller;
import dev.larder.auth.IndexAccess;
import dev.larder.auth.Permissions;
import dev.larder.catalog.Catalog;
import dev.larder.catalog.RecentUpload;
import dev.larder.index.Index;
import dev.larder.index.IndexType;
import dev.larder.index.Indexes;
import dev.larder.platform.PublicUrls;
import dev.larder.search.ListingPage;
import dev.larder.search.ProjectListings;
import dev.larder.upstream.CachedProjects;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds {@code /} (the readable indexes) and an index's own page. */
@Singleton
final class IndexPages {

    static final int PROJECTS_PER_PAGE = 50;
    private static final int RECENT_UPLOADS = 20;
    /** Beyond any real index (50 million projects), and keeps the row offset within an int. */
    private static final int MAX_PAGE = 1_000_000;

    private final Indexes indexes;
    private final IndexAccess access;
    private final ProjectListings listings;
    private final Catalog catalog;
    private final CachedProjects cachedProjects;
    private final Viewers viewers;

    IndexPages(Indexes indexes, IndexAccess access, ProjectListings listings, Catalog catalog,
               CachedProjects cachedProjects, Viewers viewers) {
        this.indexes = indexes;
        this.access = access;
        this.listings = listings;
        this.catalog = catalog;
        this.cachedProjects = cachedProjects;
        this.viewers = viewers;
    }

    HomePage home(HttpRequest<?> request) {
        return new HomePage(viewers.viewer(request), readable(viewers.caller(request)).stream()
                .map(PageFormat::card).toList());
    }

    /** The indexes this caller may read, by name. */
    List<Index> readable(Caller caller) {
        return indexes.list().stream().filter(index -> Permissions.canRead(caller, index))
                .sorted(Comparator.comparing(index -> index.name().toString())).toList();
    }

    IndexPage index(HttpRequest<?> request, String user, String name, int pageNumber, int upstreamPageNumber) {
        Index index = access.readable(request, user, name);
        List<Index> order = indexes.resolutionOrder(index);
        List<Index> stages = order.stream().filter(i -> i.type() == IndexType.STAGE).toList();
        List<Index> mirrors = order.stream().filter(i -> i.type() == IndexType.MIRROR).toList();
        int page = Math.min(Math.max(1, pageNumber), MAX_PAGE);
        ListingPage listed = listings.page(stages, (page - 1) * PROJECTS_PER_PAGE, PROJECTS_PER_PAGE);
        int pageCount = (int) Math.max(1, (listed.total() + PROJECTS_PER_PAGE - 1) / PROJECTS_PER_PAGE);
        String url = PageFormat.indexUrl(index.name());
        List<IndexPage.Listed> projects = listed.projects().stream().map(p -> new IndexPage.Listed(p.displayName(),
                PageFormat.projectUrl(index.name(), p.name()), p.latestVersion(), p.summary(),
                p.index().name().toString())).toList();
        int upstreamPage = Math.min(Math.max(1, upstreamPageNumber), MAX_PAGE);
        CachedProjects.Page fetched = cachedProjects.page(mirrors, (upstreamPage - 1) * PROJECTS_PER_PAGE,
                PROJECTS_PER_PAGE);
        List<IndexPage.Fetched> upstream = fetched.projects().stream().map(p -> new IndexPage.Fetched(
                p.name().value(), PageFormat.projectUrl(index.name(), p.name()), p.mirror().name().toString(),
                PageFormat.time(p.fetchedAt()))).toList();
        boolean moreUpstream = (long) upstreamPage * PROJECTS_PER_PAGE < fetched.total();
        Map<Long, Index> byId = stages.stream().collect(Collectors.toMap(Index::id, Function.identity(), (a, b) -> a));
        List<IndexPage.Upload> uploads = catalog.recentUploads(stages, RECENT_UPLOADS).stream()
                .map(upload -> upload(index, upload, byId)).toList();
        return new IndexPage(viewers.viewer(request), PageFormat.card(index),
                order.stream().map(PageFormat::card).toList(), projects, listed.total(), page, pageCount,
                page > 1 ? url + "?page=" + (page - 1) : null, page < pageCount ? url + "?page=" + (page + 1) : null,
                uploads, mirrors.stream().map(PageFormat::card).toList(), upstream, fetched.total(),
                upstreamPage > 1 ? url + "?upstream=" + (upstreamPage - 1) + "#upstream" : null,
                moreUpstream ? url + "?upstream=" + (upstreamPage + 1) + "#upstream" : null,
                PublicUrls.base(request) + url + "+simple/", url + "+rss");
    }

    private static IndexPage.Upload upload(Index shownIn, RecentUpload upload, Map<Long, Index> byId) {
        Index from = byId.get(upload.indexId());
        return new IndexPage.Upload(upload.filename(), PageFormat.projectUrl(shownIn.name(), upload.project()),
                upload.displayName(), upload.version(), PageFormat.size(upload.size()),
                PageFormat.time(upload.uploadTime()), upload.uploader(),
                from == null ? "" : from.name().toString());
    }
}
