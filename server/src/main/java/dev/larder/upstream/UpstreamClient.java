package dev.larder.upstream;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Talks to upstream simple indexes (SPEC §6): asks for PEP 691 JSON first and reads either form, revalidates with
 * {@code If-None-Match} / {@code If-Modified-Since}, follows redirects, and sends the mirror's credentials only to
 * the mirror's own host.
 */
@Singleton
public class UpstreamClient {

    static final String ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2,"
            + " text/html;q=0.1";
    private static final String USER_AGENT = "larder (PEP 691 caching proxy)";

    private final OkHttpClient http;
    private final SimplePageParser parser;

    UpstreamClient(OkHttpClient http, SimplePageParser parser) {
        this.http = http;
        this.parser = parser;
    }

    /** Asks for one project's page; {@code etag} and {@code lastModified} (may be null) make it conditional. */
    public UpstreamPage fetchProject(UpstreamUrl upstream, String project, String etag, String lastModified) {
        URI url = upstream.project(project);
        Request.Builder request = new Request.Builder().url(url.toString())
                .header("Accept", ACCEPT).header("User-Agent", USER_AGENT);
        if (upstream.authorization() != null) {
            request.header("Authorization", upstream.authorization());
        }
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            int status = response.code();
            if (status == 304) {
                return new UpstreamPage.NotModified();
            }
            if (status == 404 || status == 410) {
                return new UpstreamPage.NotFound();
            }
            if (status != 200) {
                return new UpstreamPage.Unavailable("upstream answered " + status + " for " + url);
            }
            ResponseBody body = response.body();
            URI finalUrl = response.request().url().uri();
            UpstreamProject page = parser.parse(body.byteStream(), response.header("Content-Type"), finalUrl);
            return new UpstreamPage.Fetched(page, response.header("ETag"), response.header("Last-Modified"),
                    serial(response.header("X-PyPI-Last-Serial")));
        } catch (IOException | RuntimeException e) {
            return new UpstreamPage.Unavailable(describe(e) + " (" + url + ")");
        }
    }

    /** Opens a file download; the caller reads and closes the response. Credentials go only to upstream's host. */
    public Response openFile(UpstreamUrl upstream, String url) throws IOException {
        Request.Builder request = new Request.Builder().url(url).header("User-Agent", USER_AGENT)
                .header("Accept-Encoding", "identity");
        if (upstream.authorization() != null && upstream.sameOrigin(URI.create(url))) {
            request.header("Authorization", upstream.authorization());
        }
        Response response = http.newCall(request.build()).execute();
        if (!response.isSuccessful()) {
            int status = response.code();
            response.close();
            throw new IOException("upstream answered " + status + " for " + url);
        }
        return response;
    }

    /** Streams upstream's root listing ({@code <base>/}) to {@code reader}. */
    public void fetchRoot(UpstreamUrl upstream, RootReader reader) throws IOException {
        Request.Builder request = new Request.Builder().url(upstream.base().toString())
                .header("Accept", ACCEPT).header("User-Agent", USER_AGENT);
        if (upstream.authorization() != null) {
            request.header("Authorization", upstream.authorization());
        }
        try (Response response = http.newCall(request.build()).execute()) {
            if (response.code() != 200) {
                throw new IOException("upstream answered " + response.code() + " for " + upstream);
            }
            reader.read(response.body().byteStream(), response.header("Content-Type"),
                    response.request().url().uri());
        }
    }

    @FunctionalInterface
    public interface RootReader {
        void read(InputStream body, String contentType, URI url) throws IOException;
    }

    private static Long serial(String header) {
        try {
            return header == null ? null : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
