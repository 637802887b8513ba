package dev.larder.files;

import dev.larder.auth.IndexAccess;
import dev.larder.index.Index;
import dev.larder.index.IndexConfig;
import dev.larder.index.IndexType;
import dev.larder.platform.HttpDates;
import dev.larder.platform.PathSegments;
import dev.larder.platform.ProblemException;
import dev.larder.resolve.MergedProjects;
import dev.larder.resolve.ShownFile;
import dev.larder.storage.BlobContent;
import dev.larder.storage.BlobKey;
import dev.larder.storage.BlobStore;
import dev.larder.upstream.MirrorFile;
import dev.larder.upstream.MirrorFiles;
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
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /{user}/{index}/+f/{sha256}/{filename}} and its PEP 658 {@code .metadata}: bytes of a file that this
 * index shows, to callers who may read it (SPEC §5). A hash that exists elsewhere in the store is a 404 here.
 *
 * <p>Anonymous reads of stage files that are in memory are answered before this controller, by
 * {@code dev.larder.warm.WarmPath} with zero-copy {@code sendfile}; this controller is the reference behaviour.
 * {@code Range} is handled here rather than by Micronaut's file types, whose suffix and one-byte
 * ranges are wrong (shared/STACK.md §5).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class FileController {

    private static final MediaType METADATA_TYPE = MediaType.of("text/plain; charset=utf-8");
    /** Files never change under their URL (it holds their sha256), so clients may keep them for good. */
    private static final String IMMUTABLE = "max-age=365000000, immutable";

    private final IndexAccess access;
    private final BlobStore blobs;
    private final MirrorFiles mirrorFiles;
    private final MergedProjects merged;

    FileController(IndexAccess access, BlobStore blobs, MirrorFiles mirrorFiles, MergedProjects merged) {
        this.access = access;
        this.blobs = blobs;
        this.mirrorFiles = mirrorFiles;
        this.merged = merged;
    }

    @Get("/{user}/{index}/+f/{sha256}/{+filename}")
    @Head("/{user}/{index}/+f/{sha256}/{+filename}")
    @Produces(MediaType.ALL)
    HttpResponse<?> file(@PathVariable String user, @PathVariable String index, @PathVariable String sha256,
                         @PathVariable String filename, HttpRequest<?> request) throws IOException {
        Index target = access.readable(request, user, index);
        filename = PathSegments.restorePlus(filename);
        String hash = sha256.toLowerCase(Locale.ROOT);
        if (!BlobKey.isValid(hash)) {
            throw ProblemException.notFound("No file '" + filename + "' with sha256 " + sha256 + " in index '"
                    + target.name() + "': that is not a sha256.");
        }
        if (target.type() == IndexType.MIRROR) {
            return mirrorFile(request, target, target, hash, filename);
        }
        Optional<HttpResponse<?>> shown = shownFile(request, target, hash, filename);
        if (shown.isPresent()) {
            return shown.get();
        }
        throw ProblemException.notFound("No file '" + filename + "' with sha256 " + hash + " in index '"
                + target.name() + "'.");
    }

    /**
     * A file the index shows, its own or from one of its bases (SPEC §4), or its metadata file: served only if the
     * index's merged page lists it. The merged page is cached, so a warm download asks no database.
     */
    private Optional<HttpResponse<?>> shownFile(HttpRequest<?> request, Index index, String key, String filename)
            throws IOException {
        Optional<ShownFile> found = merged.shown(index, key, filename);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ShownFile shown = found.get();
        if (shown.file().from().type() == IndexType.MIRROR) {
            return Optional.of(mirrorFile(request, index, shown.file().from(), key, filename));
        }
        if (shown.metadata() && !shown.file().coreMetadata()) {
            return Optional.empty();
        }
        return Optional.of(send(request, index, stored(new BlobKey(shown.sha256()), filename), shown.sha256(),
                shown.file().uploadTime(), shown.metadata() ? METADATA_TYPE : MediaType.APPLICATION_OCTET_STREAM_TYPE));
    }

    /**
     * A mirror's file, shown by {@code index} (the mirror itself or an index inheriting it): from the blob store, or
     * streamed while it arrives from upstream (SPEC §6).
     */
    private HttpResponse<?> mirrorFile(HttpRequest<?> request, Index index, Index mirror, String key, String filename)
            throws IOException {
        boolean head = request.getMethod() == HttpMethod.HEAD;
        boolean ranged = request.getHeaders().get(HttpHeaders.RANGE) != null;
        MirrorFiles.Need need = head ? MirrorFiles.Need.HEAD : ranged ? MirrorFiles.Need.WHOLE : MirrorFiles.Need.STREAM;
        MediaType type = filename.endsWith(ShownFile.METADATA_SUFFIX) ? METADATA_TYPE
                : MediaType.APPLICATION_OCTET_STREAM_TYPE;
        MirrorFile file = mirrorFiles.serve(mirror, key, filename, need).orElseThrow(() -> ProblemException.notFound(
                "No file '" + filename + "' with key " + key + " on mirror '" + mirror.name() + "'."));
        if (file instanceof MirrorFile.Cached cached) {
            return send(request, index, cached.blob(), cached.etag(), null, type);
        }
        String etag = "\"" + file.etag() + "\"";
        MutableHttpResponse<Object> response = HttpResponse.ok();
        response.header(HttpHeaders.ACCEPT_RANGES, "bytes").header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl(index)).contentType(type);
        if (file instanceof MirrorFile.Known known) {
            return response.contentLength(known.size());
        }
        MirrorFile.Arriving arriving = (MirrorFile.Arriving) file;
        return response.body(new StreamedFile(arriving.stream(), type, System.currentTimeMillis(), arriving.size()));
    }

    private BlobContent stored(BlobKey key, String filename) throws IOException {
        return blobs.find(key).orElseThrow(() -> new IllegalStateException(
                "Blob " + key + " of " + filename + " is missing from the store"));
    }

    private static String cacheControl(Index index) {
        return (index.config().aclRead().contains(IndexConfig.ANONYMOUS) ? "public, " : "private, ") + IMMUTABLE;
    }

    private HttpResponse<?> send(HttpRequest<?> request, Index index, BlobContent blob, String etagValue,
                                 Instant lastModified, MediaType type) throws IOException {
        String etag = "\"" + etagValue + "\"";
        String cacheControl = cacheControl(index);
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return HttpResponse.status(HttpStatus.NOT_MODIFIED)
                    .header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
        long size = blob.size();
        ByteRange.Request wanted = ifRangeHolds(request, etag)
                ? ByteRange.parse(request.getHeaders().get(HttpHeaders.RANGE), size) : new ByteRange.Whole();
        MutableHttpResponse<Object> response;
        long first = 0;
        long length = size;
        if (wanted instanceof ByteRange.Unsatisfiable) {
            return HttpResponse.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + size)
                    .header(HttpHeaders.ACCEPT_RANGES, "bytes");
        } else if (wanted instanceof ByteRange.Partial partial) {
            first = partial.range().first();
            length = partial.range().length();
            response = HttpResponse.status(HttpStatus.PARTIAL_CONTENT);
            response.header(HttpHeaders.CONTENT_RANGE,
                    "bytes " + first + "-" + partial.range().last() + "/" + size);
        } else {
            response = HttpResponse.ok();
        }
        response.header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .contentType(type);
        if (lastModified != null) {
            response.header(HttpHeaders.LAST_MODIFIED, HttpDates.format(lastModified));
        }
        if (request.getMethod() == HttpMethod.HEAD) {
            return response.contentLength(length);
        }
        InputStream bytes = blob.open(first, length);
        long modified = lastModified == null ? System.currentTimeMillis() : lastModified.toEpochMilli();
        return response.body(new StreamedFile(bytes, type, modified, length));
    }

    /** {@code If-Range}: a range applies only while the client's copy is still this one. */
    private static boolean ifRangeHolds(HttpRequest<?> request, String etag) {
        String ifRange = request.getHeaders().get("If-Range");
        return ifRange == null || ifRange.strip().equals(etag);
    }
}
