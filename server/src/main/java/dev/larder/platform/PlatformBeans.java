package dev.larder.platform;

import dev.larder.storage.BlobStore;
import dev.larder.storage.FileSystemBlobStore;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Beans of the things that vary between deployments and tests: the clock, where blobs live, the HTTP client. */
@Factory
final class PlatformBeans {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** One client for every upstream: it pools connections and speaks HTTP/2 where upstream offers it. */
    @Singleton
    OkHttpClient upstreamHttpClient(@Value("${larder.upstream.connect-timeout}") Duration connectTimeout,
                                    @Value("${larder.upstream.read-timeout}") Duration readTimeout) {
        return new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .followRedirects(true)
                .retryOnConnectionFailure(true)
                .build();
    }

    /** Opened at start-up, not on first use: a broken data folder should stop the server, not its first upload. */
    @Context
    BlobStore blobStore(DataFolder dataFolder) throws IOException {
        return new FileSystemBlobStore(dataFolder.resolve("blobs"));
    }
}
