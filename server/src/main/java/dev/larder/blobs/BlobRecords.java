package dev.larder.blobs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.larder.storage.BlobKey;
import dev.larder.storage.BlobStore;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's account of the blob store: which blobs exist, of what kind, last read when. Uploaded blobs are
 * never evicted; blobs cached from upstream are, least recently used first, once they pass a size cap (SPEC §6).
 */
@Singleton
public class BlobRecords {

    private static final Logger LOG = LoggerFactory.getLogger(BlobRecords.class);
    /** Reads are recorded at most this often per blob, so a popular file does not write on every download. */
    private static final Duration ACCESS_RESOLUTION = Duration.ofMinutes(1);
    private static final int EVICTION_BATCH = 500;

    private final BlobRepository blobs;
    private final BlobStore store;
    private final Clock clock;
    /** Keeps a hot file's downloads from writing to the database on every request. */
    private final Cache<String, Boolean> recentlyTouched = Caffeine.newBuilder()
            .expireAfterWrite(ACCESS_RESOLUTION).maximumSize(100_000).build();

    BlobRecords(BlobRepository blobs, BlobStore store, Clock clock) {
        this.blobs = blobs;
        this.store = store;
        this.clock = clock;
    }

    /** Records a stored blob; a cached blob that gets uploaded becomes an uploaded one, never the other way. */
    @Transactional
    public void register(String sha256, long size, BlobKind kind) {
        Instant now = clock.instant();
        Optional<BlobRow> row = blobs.findById(sha256);
        if (row.isEmpty()) {
            blobs.save(new BlobRow(sha256, size, kind.column(), now, now));
        } else if (kind == BlobKind.UPLOADED && !row.get().kind().equals(kind.column())) {
            blobs.update(new BlobRow(sha256, size, kind.column(), row.get().createdAt(), now));
        }
    }

    public Optional<Long> size(String sha256) {
        return blobs.findById(sha256).map(BlobRow::size);
    }

    /** Notes that a blob was read, for least-recently-used eviction; at most once a minute per blob. */
    public void touch(String sha256) {
        if (recentlyTouched.asMap().putIfAbsent(sha256, Boolean.TRUE) == null) {
            Instant now = clock.instant();
            blobs.touch(sha256, now, now.minus(ACCESS_RESOLUTION));
        }
    }

    public long cachedBytes() {
        return blobs.cachedBytes();
    }

    /**
     * Deletes cached blobs, least recently used first, until they take at most {@code capBytes}. Answers how many
     * bytes were freed. The row goes first: a reader that finds no row fetches from upstream again.
     */
    public long evictCachedOver(long capBytes) throws IOException {
        long total = blobs.cachedBytes();
        long freed = 0;
        while (total - freed > capBytes) {
            List<BlobRow> oldest = blobs.leastRecentlyUsedCached(EVICTION_BATCH);
            if (oldest.isEmpty()) {
                break;
            }
            for (BlobRow row : oldest) {
                if (total - freed <= capBytes) {
                    break;
                }
                blobs.delete(row);
                store.delete(new BlobKey(row.sha256()));
                freed += row.size();
            }
        }
        if (freed > 0) {
            LOG.info("Evicted {} bytes of cached upstream files to stay under the cap of {} bytes", freed, capBytes);
        }
        return freed;
    }
}
