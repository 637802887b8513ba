package dev.larder.simple;

import dev.larder.auth.IndexAccess;
import dev.larder.index.Index;
import dev.larder.index.IndexType;
import dev.larder.index.IndexConfig;
import dev.larder.packaging.ProjectName;
import dev.larder.platform.Problem;
import dev.larder.platform.ProblemException;
import dev.larder.upstream.MirrorRoots;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Head;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * The simple repository API of an index: {@code /{user}/{index}/+simple/} and {@code .../+simple/{project}/}, in
 * HTML or JSON by content negotiation, with ETags, {@code Vary: Accept} and short caching. pip and uv may spell
 * {@code +simple} as {@code %2Bsimple}; both are answered.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class SimpleController {

    private final IndexAccess access;
    private final SimpleApi simple;
    private final MirrorRoots roots;
    private final long maxAgeSeconds;

    SimpleController(IndexAccess access, SimpleApi simple, MirrorRoots roots,
                     @Value("${larder.simple.max-age}") long maxAgeSeconds) {
        this.access = access;
        this.roots = roots;
        this.simple = simple;
        this.maxAgeSeconds = maxAgeSeconds;
    }

    // Micronaut matches a path with and without its trailing slash alike, so one route takes both and the handler
    // redirects the slash-less form (PEP 503: every simple URL ends with "/").
    @Get("/{user}/{index}/+simple")
    @Head("/{user}/{index}/+simple")
    @Produces(MediaType.ALL)
    HttpResponse<?> root(@PathVariable String user, @PathVariable String index, HttpRequest<?> request) {
        Index target = access.readable(request, user, index);
        if (!request.getPath().endsWith("/")) {
            return redirect(request, "/" + user + "/" + index + "/+simple/");
        }
        SimpleFormat format = negotiate(request);
        if (target.type() == IndexType.MIRROR) {
            return mirrorRoot(request, target, format);
        }
        RootListing listing = simple.root(target);
        String etag = "\"" + listing.etag() + (format.isJson() ? "-json" : "-html") + "\"";
        MutableHttpResponse<Object> response;
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            response = HttpResponse.status(HttpStatus.NOT_MODIFIED);
        } else if (request.getMethod() == HttpMethod.HEAD) {
            response = HttpResponse.ok().contentType(format.contentType());
        } else {
            Writable body = out -> {
                if (format.isJson()) {
                    JsonRenderer.root(listing, out);
                } else {
                    HtmlRenderer.root(listing, out);
                }
            };
            response = HttpResponse.ok().body((Object) body).contentType(format.contentType());
        }
        response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(HttpHeaders.CACHE_CONTROL, (target.config().aclRead().contains(IndexConfig.ANONYMOUS)
                        ? "public" : "private") + ", max-age=" + maxAgeSeconds);
        if (listing.partial()) {
            // A mirror's list is still being fetched; what is missing appears on a later request.
            response.header("X-Larder-Stale", "1");
        }
        return response;
    }

    @Get("/{user}/{index}/+simple/{project}")
    @Head("/{user}/{index}/+simple/{project}")
    @Produces(MediaType.ALL)
    HttpResponse<?> project(@PathVariable String user, @PathVariable String index, @PathVariable String project,
                            HttpRequest<?> request) {
        Index target = access.readable(request, user, index);
        ProjectName name = SimpleApi.projectName(project, target);
        if (!name.value().equals(project) || !request.getPath().endsWith("/")) {
            return redirect(request, "/" + user + "/" + index + "/+simple/" + name.value() + "/");
        }
        SimpleFormat format = negotiate(request);
        SimpleApi.RenderedPage page = simple.renderedProject(target, name, format).orElseThrow(() ->
                ProblemException.notFound("Project '" + name + "' is not in index '" + target.name() + "'."));
        MutableHttpResponse<?> response = page(request, target, format, page.body(), page.etag());
        if (page.stale()) {
            // Upstream is unreachable: this is the last page it gave. Say so, and let no client keep it.
            response.header("X-Larder-Stale", "1");
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "max-age=0, must-revalidate");
        }
        return response;
    }

    /** A mirror's project list: upstream's, fetched in the background and kept as ready-made files. */
    private HttpResponse<?> mirrorRoot(HttpRequest<?> request, Index index, SimpleFormat format) {
        MirrorRoots.RootFile root = roots.root(index, format.isJson()).orElseThrow(() -> new ProblemException(
                Problem.NOT_READY, "The project list of mirror '" + index.name() + "' is being fetched from upstream;"
                + " try again in a moment. (Installers do not need it: project pages work already.)"));
        String etag = "\"" + root.etag() + "\"";
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        MutableHttpResponse<Object> response;
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            response = HttpResponse.status(HttpStatus.NOT_MODIFIED);
        } else if (request.getMethod() == HttpMethod.HEAD) {
            response = HttpResponse.ok().contentType(format.contentType());
        } else {
            try {
                response = HttpResponse.ok().contentType(format.contentType()).body(new StreamedFile(
                        Files.newInputStream(root.path()), MediaType.of(format.contentType()),
                        Files.getLastModifiedTime(root.path()).toMillis(), Files.size(root.path())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAgeSeconds);
    }

    private static SimpleFormat negotiate(HttpRequest<?> request) {
        return AcceptNegotiation.choose(request.getHeaders().get(HttpHeaders.ACCEPT),
                request.getParameters().get("format"));
    }

    /** 301 to the canonical URL, keeping the query so that {@code ?format=} survives (protocol.md §1.3). */
    private static HttpResponse<?> redirect(HttpRequest<?> request, String path) {
        String query = request.getUri().getRawQuery();
        return HttpResponse.status(HttpStatus.MOVED_PERMANENTLY)
                .header(HttpHeaders.LOCATION, query == null ? path : path + "?" + query);
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, Index index, SimpleFormat format, byte[] body,
                                        String etag) {
        boolean shared = index.config().aclRead().contains(IndexConfig.ANONYMOUS);
        Optional<String> ifNoneMatch = Optional.ofNullable(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH));
        MutableHttpResponse<?> response;
        if (ifNoneMatch.filter(value -> value.contains(etag) || value.strip().equals("*")).isPresent()) {
            response = HttpResponse.status(HttpStatus.NOT_MODIFIED);
        } else if (request.getMethod() == HttpMethod.HEAD) {
            response = HttpResponse.ok().contentType(format.contentType()).contentLength(body.length);
        } else {
            response = HttpResponse.ok().body((Object) body).contentType(format.contentType());
        }
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(HttpHeaders.CACHE_CONTROL, (shared ? "public" : "private") + ", max-age=" + maxAgeSeconds);
    }
}
