package dev.larder.setup;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.larder.account.Accounts;
import dev.larder.account.UserName;
import dev.larder.index.Index;
import dev.larder.index.IndexConfig;
import dev.larder.index.IndexName;
import dev.larder.index.IndexType;
import dev.larder.index.Indexes;
import dev.larder.testing.TestServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FirstStartTest {

    private static final String UPSTREAM = "http://127.0.0.1:9/simple/";

    @Test
    void createsRootAndARootPypiMirrorOfTheConfiguredUpstream() {
        try (TestServer server = TestServer.on(TestServer.newDataFolder(), Map.of("larder.upstream-url", UPSTREAM))) {
            Accounts accounts = server.bean(Accounts.class);
            Index mirror = server.bean(Indexes.class).find(IndexName.parse("root/pypi")).orElseThrow();

            assertThat(accounts.withPassword(UserName.ROOT, TestServer.ROOT_PASSWORD)).isPresent();
            assertThat(mirror.type()).isEqualTo(IndexType.MIRROR);
            assertThat(mirror.config().mirrorUrl()).isEqualTo(URI.create(UPSTREAM));
            assertThat(mirror.config().aclRead()).containsExactly(IndexConfig.ANONYMOUS);
            assertThat(mirror.config().mirrorCacheExpirySeconds()).isEqualTo(1800);
        }
    }

    @Test
    void generatesARootPasswordAndLogsItOnceWhenNoneIsConfigured() {
        Logger logger = (Logger) LoggerFactory.getLogger(FirstStart.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        Path folder = TestServer.newDataFolder();
        try {
            String password;
            try (TestServer server = TestServer.on(folder, Map.of("larder.root-password", ""))) {
                password = generatedPasswordIn(log.list);
                assertThat(server.bean(Accounts.class).withPassword(UserName.ROOT, password)).isPresent();
            }
            log.list.clear();

            try (TestServer restarted = TestServer.on(folder, Map.of("larder.root-password", ""))) {
                assertThat(log.list).noneMatch(event -> event.getFormattedMessage().contains("root password"));
                assertThat(restarted.bean(Accounts.class).withPassword(UserName.ROOT, password)).isPresent();
            }
        } finally {
            logger.detachAppender(log);
        }
    }

    private static String generatedPasswordIn(List<ILoggingEvent> events) {
        Pattern line = Pattern.compile("root password: (\\S+)");
        return events.stream()
                .map(event -> line.matcher(event.getFormattedMessage()))
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no generated root password was logged: " + events));
    }

    @Test
    void aRestartKeepsUsersIndexesAndTheirOptions() {
        Path folder = TestServer.newDataFolder();
        UserName alice = new UserName("alice");
        IndexName aliceDev = new IndexName(alice, "dev");
        IndexConfig config = new IndexConfig(IndexType.STAGE, List.of(IndexName.parse("root/pypi")), true,
                List.of("alice", IndexConfig.AUTHENTICATED), List.of("alice"), List.of("requests", "*"), null,
                1800, 86_400, "Alice's sandbox", "Where new things are tried.");
        try (TestServer server = TestServer.start(folder)) {
            server.bean(Accounts.class).create(alice, "alice-password", "alice@example.com");
            server.bean(Indexes.class).create(aliceDev, config);
        }

        // A different configured root password must not reset root's: it applies to the first start only.
        try (TestServer restarted = TestServer.on(folder, Map.of("larder.root-password", "another-password"))) {
            Accounts accounts = restarted.bean(Accounts.class);
            Indexes indexes = restarted.bean(Indexes.class);

            assertThat(accounts.withPassword(alice, "alice-password")).isPresent();
            assertThat(accounts.find(alice).orElseThrow().email()).isEqualTo("alice@example.com");
            assertThat(accounts.withPassword(UserName.ROOT, TestServer.ROOT_PASSWORD)).isPresent();
            assertThat(indexes.find(aliceDev).orElseThrow().config()).isEqualTo(config);
            assertThat(indexes.list()).extracting(index -> index.name().toString())
                    .containsExactlyInAnyOrder("root/pypi", "alice/dev");
        }
    }
}
