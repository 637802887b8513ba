package dev.larder.search;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** On start, lists the projects a database from before listings existed holds (a no-op once they are listed). */
@Singleton
final class ListingBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(ListingBackfill.class);

    private final ProjectListings listings;

    ListingBackfill(ProjectListings listings) {
        this.listings = listings;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        int added = listings.addMissing();
        if (added > 0) {
            LOG.info("Listed {} projects for the web pages and search.", added);
        }
    }
}
