package dev.larder.jsonapi;

import dev.larder.auth.IndexAccess;
import dev.larder.catalog.Catalog;
import dev.larder.catalog.ProjectView;
import dev.larder.catalog.ReleaseView;
import dev.larder.index.Index;
import dev.larder.index.IndexConfig;
import dev.larder.index.IndexType;
import dev.larder.packaging.ProjectName;
import dev.larder.packaging.Version;
import dev.larder.platform.PathSegments;
import dev.larder.platform.ProblemException;
import dev.larder.platform.PublicUrls;
import dev.larder.simple.SimpleApi;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.Optional;

/**
 * PyPI's JSON API for an index: {@code /{user}/{index}/pypi/{project}/json} and
 * {@code .../pypi/{project}/{version}/json} (protocol.md §5). pip and uv never call it; Renovate, poetry's PyPI
 * source and mirrors of this index do.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class PypiJsonController {

    private final IndexAccess access;
    private final Catalog catalog;

    PypiJsonController(IndexAccess access, Catalog catalog) {
        this.access = access;
        this.catalog = catalog;
    }

    @Get(uri = "/{user}/{index}/pypi/{project}/json", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> project(@PathVariable String user, @PathVariable String index, @PathVariable String project,
                            HttpRequest<?> request) {
        Index target = access.readable(request, user, index);
        ProjectName name = SimpleApi.projectName(project, target);
        if (!name.value().equals(project)) {
            return redirect("/" + user + "/" + index + "/pypi/" + name.value() + "/json");
        }
        ProjectView view = find(target, name);
        ReleaseView latest = PypiJson.latest(view).orElseThrow(() -> ProblemException.notFound(
                "Project '" + name + "' in index '" + target.name() + "' has no releases."));
        return answer(target, view, PypiJson.project(view, latest, baseUrl(request, target)));
    }

    @Get(uri = "/{user}/{index}/pypi/{project}/{+version}/json", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> release(@PathVariable String user, @PathVariable String index, @PathVariable String project,
                            @PathVariable String version, HttpRequest<?> request) {
        Index target = access.readable(request, user, index);
        ProjectName name = SimpleApi.projectName(project, target);
        String wanted = PathSegments.restorePlus(version);
        if (!name.value().equals(project)) {
            return redirect("/" + user + "/" + index + "/pypi/" + name.value() + "/" + wanted + "/json");
        }
        ProjectView view = find(target, name);
        Optional<ReleaseView> release = Version.isValid(wanted)
                ? view.releases().stream().filter(r -> r.version().equals(Version.parse(wanted))).findFirst()
                : Optional.empty();
        return answer(target, view, PypiJson.release(view, release.orElseThrow(() -> ProblemException.notFound(
                "Release " + name + " " + wanted + " is not in index '" + target.name() + "'.")),
                baseUrl(request, target)));
    }

    private ProjectView find(Index index, ProjectName name) {
        Optional<ProjectView> view = index.type() == IndexType.STAGE ? catalog.project(index, name) : Optional.empty();
        return view.orElseThrow(() -> ProblemException.notFound("Project '" + name + "' is not in index '"
                + index.name() + "'."));
    }

    private static HttpResponse<?> redirect(String path) {
        return HttpResponse.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, path);
    }

    private static HttpResponse<?> answer(Index index, ProjectView view, Map<String, Object> body) {
        boolean shared = index.config().aclRead().contains(IndexConfig.ANONYMOUS);
        return HttpResponse.ok(body)
                .header("X-PyPI-Last-Serial", String.valueOf(PypiJson.lastSerial(view)))
                .header(HttpHeaders.CACHE_CONTROL, (shared ? "public" : "private") + ", max-age=60");
    }

    /** Absolute URLs, as PyPI gives: built from the Host the client used (and X-Forwarded-Proto behind a proxy). */
    private static String baseUrl(HttpRequest<?> request, Index index) {
        return PublicUrls.base(request) + "/" + index.name();
    }
}
