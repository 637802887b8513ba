package dev.larder.upstream;

import dev.larder.blobs.BlobRecords;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps files cached from upstream under {@code larder.upstream.cache-max-size}; uploaded files never count. */
@Singleton
class CachedFileEviction {

    private static final Logger LOG = LoggerFactory.getLogger(CachedFileEviction.class);

    private final BlobRecords records;
    private final long capBytes;

    CachedFileEviction(BlobRecords records, @Value("${larder.upstream.cache-max-size}") @ReadableBytes long capBytes) {
        this.records = records;
        this.capBytes = capBytes;
    }

    @Scheduled(initialDelay = "1m", fixedDelay = "1m")
    void evict() {
        if (capBytes <= 0) {
            return;
        }
        try {
            records.evictCachedOver(capBytes);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Evicting cached upstream files failed; will try again in a minute: {}", e.toString());
        }
    }
}
