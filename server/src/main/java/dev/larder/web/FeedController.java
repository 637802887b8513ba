package dev.larder.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** RSS 2.0 feeds of new releases: {@code /{user}/{index}/+rss} and {@code /{user}/{index}/{project}/+rss}. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class FeedController {

    private static final String RSS = "application/rss+xml;charset=utf-8";

    private final Feeds feeds;

    FeedController(Feeds feeds) {
        this.feeds = feeds;
    }

    @Get(uri = "/{user}/{index}/+rss", produces = RSS)
    HttpResponse<String> index(HttpRequest<?> request, String user, String index) {
        return HttpResponse.ok(feeds.feed(request, user, index, null)).contentType(RSS);
    }

    @Get(uri = "/{user}/{index}/{project}/+rss", produces = RSS)
    HttpResponse<String> project(HttpRequest<?> request, String user, String index, String project) {
        return HttpResponse.ok(feeds.feed(request, user, index, BrowseController.projectName(project)))
                .contentType(RSS);
    }
}
