package dev.larder.search;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Async;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once the server listens, lists the projects a database from before listings existed holds (a no-op once they
 * are listed). In the background: pip and twine need none of it, so an upgraded server answers them at once while
 * its pages and search fill in.
 */
@Singleton
class ListingBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(ListingBackfill.class);

    private final ProjectListings listings;

    ListingBackfill(ProjectListings listings) {
        this.listings = listings;
    }

    @EventListener
    @Async
    void onStartup(ServerStartupEvent event) {
        long started = System.nanoTime();
        int added = listings.addMissing();
        if (added > 0) {
            LOG.info("Listed {} projects for the web pages and search in {} ms.", added,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
