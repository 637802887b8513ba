package dev.larder.platform;

import dev.larder.storage.BlobStore;
import dev.larder.storage.FileSystemBlobStore;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;

/** Beans of the things that vary between deployments and tests: the clock and where blobs live. */
@Factory
final class PlatformBeans {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Opened at start-up, not on first use: a broken data folder should stop the server, not its first upload. */
    @Context
    BlobStore blobStore(DataFolder dataFolder) throws IOException {
        return new FileSystemBlobStore(dataFolder.resolve("blobs"));
    }
}
