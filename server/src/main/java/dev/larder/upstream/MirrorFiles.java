package dev.larder.upstream;

import dev.larder.blobs.BlobKind;
import dev.larder.blobs.BlobRecords;
import dev.larder.index.Index;
import dev.larder.packaging.DistributionFilename;
import dev.larder.packaging.ProjectName;
import dev.larder.platform.Problem;
import dev.larder.platform.ProblemException;
import dev.larder.storage.BlobContent;
import dev.larder.storage.BlobDigestMismatchException;
import dev.larder.storage.BlobKey;
import dev.larder.storage.BlobStore;
import dev.larder.storage.BlobWriter;
import dev.larder.storage.StoredBlob;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;

/**
 * Files of mirror indexes (SPEC §6): served from the blob store once cached; on the first request fetched from
 * upstream once, however many clients ask at the same time, streamed to all of them while it is written, and
 * published only if its sha256 is right. PEP 658 metadata files are passed through and cached the same way.
 */
@Singleton
public class MirrorFiles {

    private static final int MAX_METADATA_BYTES = 16 * 1024 * 1024;

    private final MirrorPageStore store;
    private final MirrorPages pages;
    private final UpstreamClient client;
    private final BlobStore blobs;
    private final BlobRecords records;
    private final ConcurrentHashMap<String, Download> running = new ConcurrentHashMap<>();
    /**
     * sha256 of files upstream gave none for, by URL, as soon as they are stored: a request that read the file's
     * row just before the sha256 was recorded must still find the bytes rather than fetch them again.
     */
    private final Cache<String, String> storedByUrl = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(10_000).build();
    /** Downloads outlive the request that started them, so other clients can go on reading. */
    private final ExecutorService downloads = Executors.newCachedThreadPool(daemonThreads());

    MirrorFiles(MirrorPageStore store, MirrorPages pages, UpstreamClient client, BlobStore blobs,
                BlobRecords records) {
        this.store = store;
        this.pages = pages;
        this.client = client;
        this.blobs = blobs;
        this.records = records;
    }

    /** How much of a file a request needs. */
    public enum Need {
        /** The bytes, as soon as they arrive. */
        STREAM,
        /** The whole file, verified, before the first byte goes out (range requests). */
        WHOLE,
        /** Only its size and validator (HEAD): an uncached file is not fetched for that. */
        HEAD
    }

    /**
     * The file, or PEP 658 metadata file, a mirror URL names ({@code /+f/<key>/<filename>}); empty when no page of
     * this mirror lists it.
     */
    public Optional<MirrorFile> serve(Index mirror, String key, String filename, Need need) throws IOException {
        if (key.matches("[0-9a-f]{64}") && !filename.endsWith(".metadata")) {
            // The key of a hashed upstream file is its sha256: once cached, no row needs reading.
            Optional<BlobContent> blob = blobs.find(new BlobKey(key));
            if (blob.isPresent() && store.isListed(mirror.id(), key, filename)) {
                records.touch(key);
                return Optional.of(new MirrorFile.Cached(blob.get(), key));
            }
        }
        Optional<UpstreamFileRow> file = find(mirror, key, filename);
        if (file.isPresent()) {
            UpstreamFileRow row = file.get();
            if (need == Need.HEAD && cached(row).isEmpty() && row.size() != null) {
                return Optional.of(new MirrorFile.Known(row.size(), row.sha256() != null ? row.sha256() : row.fileKey()));
            }
            return Optional.of(open(mirror, row, need != Need.STREAM));
        }
        if (filename.endsWith(".metadata")) {
            Optional<UpstreamFileRow> owner = find(mirror, key, filename.substring(0,
                    filename.length() - ".metadata".length()));
            if (owner.isPresent()) {
                return metadata(mirror, owner.get());
            }
        }
        return Optional.empty();
    }

    /**
     * The file a mirror URL names. A URL not in any cached page (a lock file may hold URLs of pages never fetched
     * here) is looked up on upstream's page of the project its filename names.
     */
    Optional<UpstreamFileRow> find(Index mirror, String key, String filename) {
        Optional<UpstreamFileRow> row = store.file(mirror.id(), key, filename);
        if (row.isPresent()) {
            return row;
        }
        for (ProjectName project : DistributionFilename.candidateProjects(filename)) {
            if (pages.project(mirror, project).isPresent()) {
                row = store.file(mirror.id(), key, filename);
                if (row.isPresent()) {
                    return row;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Opens a file; {@code whole} asks for it complete and verified (for range requests), otherwise an uncached
     * file streams as it arrives.
     */
    MirrorFile open(Index mirror, UpstreamFileRow file, boolean whole) throws IOException {
        Optional<MirrorFile> cached = cached(file);
        if (cached.isPresent()) {
            return cached.get();
        }
        Download download = download(mirror, file);
        String etag = file.sha256() != null ? file.sha256() : file.fileKey();
        if (whole) {
            StoredBlob blob = download.await();
            return new MirrorFile.Cached(blobs.find(blob.key()).orElseThrow(), blob.key().sha256());
        }
        return new MirrorFile.Arriving(download.reader(blobs), file.size() == null ? -1 : file.size(), etag);
    }

    /** The PEP 658 metadata of a file, when upstream serves it. */
    Optional<MirrorFile> metadata(Index mirror, UpstreamFileRow file) throws IOException {
        if (!file.hasMetadata()) {
            return Optional.empty();
        }
        if (file.metadataSha256() != null) {
            Optional<BlobContent> blob = blobs.find(new BlobKey(file.metadataSha256()));
            if (blob.isPresent()) {
                records.touch(file.metadataSha256());
                return Optional.of(new MirrorFile.Cached(blob.get(), file.metadataSha256()));
            }
        }
        StoredBlob stored;
        try (Response response = client.openFile(UpstreamUrl.of(mirror.config().mirrorUrl()),
                file.url() + ".metadata");
             InputStream in = response.body().byteStream();
             BlobWriter writer = blobs.writer()) {
            byte[] bytes = in.readNBytes(MAX_METADATA_BYTES + 1);
            if (bytes.length > MAX_METADATA_BYTES) {
                throw new IOException("upstream's metadata file of " + file.filename() + " is over 16 MiB");
            }
            writer.output().write(bytes);
            stored = file.metadataSha256() == null ? writer.commit() : writer.commit(new BlobKey(file.metadataSha256()));
        } catch (BlobDigestMismatchException e) {
            throw new ProblemException(Problem.UPSTREAM_UNAVAILABLE, "Upstream's metadata of " + file.filename()
                    + " does not match the sha256 its page gives; nothing was stored.");
        } catch (IOException e) {
            throw new ProblemException(Problem.UPSTREAM_UNAVAILABLE, "Could not fetch the metadata of "
                    + file.filename() + " from upstream: " + UpstreamClient.describe(e));
        }
        records.register(stored.key().sha256(), stored.size(), BlobKind.CACHED);
        return Optional.of(new MirrorFile.Cached(blobs.find(stored.key()).orElseThrow(), stored.key().sha256()));
    }

    private Optional<MirrorFile> cached(UpstreamFileRow file) throws IOException {
        String sha256 = file.sha256() != null ? file.sha256() : storedByUrl.getIfPresent(file.url());
        if (sha256 == null) {
            return Optional.empty();
        }
        Optional<BlobContent> blob = blobs.find(new BlobKey(sha256));
        if (blob.isEmpty()) {
            return Optional.empty();
        }
        records.touch(sha256);
        return Optional.of(new MirrorFile.Cached(blob.get(), sha256));
    }

    /** The download of this file, started if none runs: one per file, whoever asks. */
    private Download download(Index mirror, UpstreamFileRow file) throws IOException {
        String key = file.sha256() != null ? file.sha256() : file.url();
        IOException[] failure = new IOException[1];
        Download download = running.computeIfAbsent(key, k -> {
            try {
                UpstreamUrl upstream = UpstreamUrl.of(mirror.config().mirrorUrl());
                Download started = new Download(
                        () -> client.openFile(upstream, file.url()).body().byteStream(),
                        blobs, file.sha256() == null ? null : new BlobKey(file.sha256()),
                        blob -> stored(file, blob), () -> running.remove(k));
                downloads.execute(started);
                return started;
            } catch (IOException e) {
                failure[0] = e;
                return null;
            }
        });
        if (download == null) {
            throw failure[0];
        }
        return download;
    }

    private void stored(UpstreamFileRow file, StoredBlob blob) {
        records.register(blob.key().sha256(), blob.size(), BlobKind.CACHED);
        if (file.sha256() == null) {
            storedByUrl.put(file.url(), blob.key().sha256());
            store.recordSha256(file, blob.key().sha256());
        }
    }

    @PreDestroy
    void stop() {
        downloads.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "upstream-download-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
