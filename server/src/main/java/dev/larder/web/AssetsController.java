package dev.larder.web;

import dev.larder.platform.Sha256;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The pages' one stylesheet and one small script (copy buttons; every page works without it), read once from the
 * jar. Routes of their own, not Micronaut's static resources: those are looked up only when no route matches, and
 * {@code /+static/larder.css} matches {@code /{user}/{index}}.
 */
@Controller
final class AssetsController {

    private record Asset(byte[] bytes, String etag, String contentType) {}

    private final Asset stylesheet = load("web/larder.css", "text/css;charset=utf-8");
    private final Asset script = load("web/larder.js", "text/javascript;charset=utf-8");

    @Get("/+static/larder.css")
    HttpResponse<byte[]> stylesheet(HttpRequest<?> request) {
        return answer(request, stylesheet);
    }

    @Get("/+static/larder.js")
    HttpResponse<byte[]> script(HttpRequest<?> request) {
        return answer(request, script);
    }

    private static HttpResponse<byte[]> answer(HttpRequest<?> request, Asset asset) {
        if (asset.etag().equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
            return HttpResponse.<byte[]>status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, asset.etag());
        }
        return HttpResponse.ok(asset.bytes()).contentType(asset.contentType()).header(HttpHeaders.ETAG, asset.etag())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
    }

    private static Asset load(String resource, String contentType) {
        try (InputStream in = AssetsController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The jar lacks " + resource + "; rebuild it with mvn package.");
            }
            byte[] bytes = in.readAllBytes();
            return new Asset(bytes, "\"" + Sha256.hex(bytes).substring(0, 16) + "\"", contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
