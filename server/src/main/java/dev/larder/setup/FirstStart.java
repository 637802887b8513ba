package dev.larder.setup;

import dev.larder.account.Accounts;
import dev.larder.account.UserName;
import dev.larder.index.IndexConfig;
import dev.larder.index.IndexName;
import dev.larder.index.Indexes;
import dev.larder.platform.RandomTokens;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the very first start (no user exists yet) creates {@code root} and {@code root/pypi}, a mirror of the
 * configured upstream (SPEC §1). Later starts change nothing, so an admin's edits survive restarts.
 */
@Singleton
public class FirstStart implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);
    static final IndexName ROOT_MIRROR = new IndexName(UserName.ROOT, "pypi");

    private final Accounts accounts;
    private final Indexes indexes;
    private final String configuredRootPassword;
    private final URI upstreamUrl;

    FirstStart(Accounts accounts, Indexes indexes,
               @Nullable @Value("${larder.root-password:}") String configuredRootPassword,
               @Value("${larder.upstream-url}") URI upstreamUrl) {
        this.accounts = accounts;
        this.indexes = indexes;
        this.configuredRootPassword = configuredRootPassword;
        this.upstreamUrl = upstreamUrl;
    }

    @Override
    @Transactional
    public void onApplicationEvent(StartupEvent event) {
        if (accounts.anyExist()) {
            return;
        }
        boolean generated = configuredRootPassword == null || configuredRootPassword.isEmpty();
        String password = generated ? randomPassword() : configuredRootPassword;
        accounts.create(UserName.ROOT, password, null);
        indexes.create(ROOT_MIRROR, IndexConfig.mirror(upstreamUrl));
        LOG.info("First start: created user 'root' and index '{}', a mirror of {}", ROOT_MIRROR, upstreamUrl);
        if (generated) {
            LOG.warn("""

                    ================================================================
                      No LARDER_ROOT_PASSWORD was set, so one was generated.
                      root password: {}
                      It is shown this once; change it after logging in.
                    ================================================================""", password);
        }
    }

    private static String randomPassword() {
        return RandomTokens.urlSafe(18);
    }
}
