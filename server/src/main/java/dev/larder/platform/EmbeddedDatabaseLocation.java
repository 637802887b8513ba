package dev.larder.platform;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Puts the embedded H2 database inside the data folder, unless {@code datasources.default.url} names another
 * database. Running here, before the connection pool opens, also takes the data-folder lock first, so a second
 * server fails with {@link DataFolderInUseException} rather than with H2's "database may be already in use".
 */
@Singleton
final class EmbeddedDatabaseLocation implements BeanCreatedEventListener<DatasourceConfiguration> {

    static final String URL_PROPERTY = "datasources.default.url";

    private final DataFolder dataFolder;
    private final Environment environment;

    EmbeddedDatabaseLocation(DataFolder dataFolder, Environment environment) {
        this.dataFolder = dataFolder;
        this.environment = environment;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        if (environment.getProperty(URL_PROPERTY, String.class).filter(url -> !url.isBlank()).isEmpty()) {
            // An absolute path: H2 2.x refuses paths that are only implicitly relative.
            // DB_CLOSE_ON_EXIT=FALSE: the pool, not a JVM hook, closes the database on shutdown.
            config.setUrl("jdbc:h2:file:" + dataFolder.resolve("db").resolve("larder") + ";DB_CLOSE_ON_EXIT=FALSE");
        }
        return config;
    }
}
