package dev.larder.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.account.Accounts;
import dev.larder.account.UserName;
import dev.larder.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IndexesTest {

    private static TestServer server;
    private static Indexes indexes;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        indexes = server.bean(Indexes.class);
        server.bean(Accounts.class).create(new UserName("team"), "team-password", null);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void keepsBasesInTheOrderGiven() {
        UserName team = new UserName("team");
        indexes.create(new IndexName(team, "prod"), IndexConfig.stage(team));
        indexes.create(new IndexName(team, "qa"), IndexConfig.stage(team));
        List<IndexName> bases = List.of(IndexName.parse("team/qa"), IndexName.parse("root/pypi"),
                IndexName.parse("team/prod"));

        indexes.create(new IndexName(team, "dev"), IndexConfig.stage(team).withBases(bases));

        assertThat(indexes.find(IndexName.parse("team/dev")).orElseThrow().config().bases())
                .containsExactlyElementsOf(bases);
    }

    @Test
    void refusesABaseThatDoesNotExistNamingIt() {
        UserName team = new UserName("team");

        assertThatThrownBy(() -> indexes.create(new IndexName(team, "broken"),
                IndexConfig.stage(team).withBases(List.of(IndexName.parse("team/nothing")))))
                .hasMessageContaining("Index option 'bases' names 'team/nothing', which does not exist");
        assertThat(indexes.find(IndexName.parse("team/broken"))).isEmpty();
    }

    @Test
    void refusesAnIndexOfAnUnknownUser() {
        UserName ghost = new UserName("ghost");

        assertThatThrownBy(() -> indexes.create(new IndexName(ghost, "dev"), IndexConfig.stage(ghost)))
                .hasMessageContaining("User 'ghost' does not exist");
    }

    @Test
    void refusesASecondIndexOfTheSameName() {
        UserName team = new UserName("team");
        indexes.create(new IndexName(team, "once"), IndexConfig.stage(team));

        assertThatThrownBy(() -> indexes.create(new IndexName(team, "once"), IndexConfig.stage(team)))
                .hasMessageContaining("Index 'team/once' already exists");
    }
}
