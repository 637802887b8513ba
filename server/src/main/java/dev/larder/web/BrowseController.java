package dev.larder.web;

import dev.larder.index.IndexName;
import dev.larder.packaging.ProjectName;
import dev.larder.platform.ProblemException;
import dev.larder.platform.ProblemHandler;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.Map;

/**
 * The pages people browse (issue 8): the indexes, an index, a project and one of its versions. The same paths
 * under {@code +simple}, {@code +f} and {@code pypi} keep serving pip, twine and JSON clients.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class BrowseController {

    private final IndexPages indexPages;
    private final ProjectPages projectPages;
    private final SearchPages searchPages;
    private final Viewers viewers;

    BrowseController(IndexPages indexPages, ProjectPages projectPages, SearchPages searchPages, Viewers viewers) {
        this.indexPages = indexPages;
        this.projectPages = projectPages;
        this.searchPages = searchPages;
        this.viewers = viewers;
    }

    @Get(uri = "/", produces = MediaType.TEXT_HTML)
    HttpResponse<?> home(HttpRequest<?> request) {
        return page("home", indexPages.home(request));
    }

    @Get(uri = "/+search", produces = MediaType.TEXT_HTML)
    HttpResponse<?> search(HttpRequest<?> request, @Nullable @QueryValue String q) {
        return page("search", searchPages.search(request, q));
    }

    @Get(uri = "/{user}/{index}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> index(HttpRequest<?> request, String user, String index, @Nullable @QueryValue Integer page,
                          @Nullable @QueryValue Integer upstream) {
        return page("index", indexPages.index(request, user, index, page == null ? 1 : page,
                upstream == null ? 1 : upstream));
    }

    @Get(uri = "/{user}/{index}/{project}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> project(HttpRequest<?> request, String user, String index, String project) {
        ProjectName name = projectName(project);
        if (!name.value().equals(project)) {
            return HttpResponse.redirect(URI.create("/" + user + "/" + index + "/" + name.value() + "/"));
        }
        return page("project", projectPages.page(request, user, index, name, null));
    }

    @Get(uri = "/{user}/{index}/{project}/{version}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> version(HttpRequest<?> request, String user, String index, String project, String version) {
        ProjectName name = projectName(project);
        if (!name.value().equals(project)) {
            return HttpResponse.redirect(URI.create(PageFormat.versionUrl(
                    IndexName.parse(user + "/" + index), name, version)));
        }
        return page("project", projectPages.page(request, user, index, name, version));
    }

    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException problem) {
        int status = ProblemHandler.statusOf(problem.problem()).getCode();
        return withPageHeaders(HttpResponse.status(ProblemHandler.statusOf(problem.problem()))
                .body(new ModelAndView<>("error", Map.of("page",
                        PageErrors.of(request, viewers.viewer(request), status, problem)))));
    }

    static HttpResponse<?> page(String view, Object model) {
        return withPageHeaders(HttpResponse.ok(new ModelAndView<>(view, Map.of("page", model))));
    }

    static <T extends MutableHttpResponse<?>> T withPageHeaders(T response) {
        PageHeaders.ALL.forEach(response::header);
        return response;
    }

    /** The project a URL segment names; a 404 that says why for a segment that cannot be a project name. */
    static ProjectName projectName(String segment) {
        if (!ProjectName.isValid(segment)) {
            throw ProblemException.notFound("'" + segment + "' is not a project name: names are ASCII letters,"
                    + " digits, '.', '_' and '-', starting and ending with a letter or digit.");
        }
        return new ProjectName(segment);
    }
}
