package dev.larder.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.account.UserName;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexConfigTest {

    @Test
    void aNewStageLetsOnlyItsOwnerUploadAndAnyoneRead() {
        IndexConfig stage = IndexConfig.stage(new UserName("team"));

        assertThat(stage.type()).isEqualTo(IndexType.STAGE);
        assertThat(stage.aclUpload()).containsExactly("team");
        assertThat(stage.aclRead()).containsExactly(IndexConfig.ANONYMOUS);
        assertThat(stage.volatileIndex()).isFalse();
        assertThat(stage.bases()).isEmpty();
        assertThat(stage.mirrorWhitelist()).isEmpty();
        assertThat(stage.upstreamMinAgeSeconds()).isZero();
    }

    @Test
    void refusesAMirrorWithBases() {
        IndexConfig mirror = IndexConfig.mirror(URI.create("https://pypi.org/simple/"));

        assertThatThrownBy(() -> new IndexConfig(IndexType.MIRROR, List.of(IndexName.parse("root/other")), false,
                List.of(), mirror.aclRead(), List.of(), mirror.mirrorUrl(), 1800, 0, "", ""))
                .hasMessageContaining("A mirror index has no bases");
    }

    @Test
    void refusesAMirrorWithoutAnHttpUrl() {
        assertThatThrownBy(() -> IndexConfig.mirror(URI.create("file:///etc/passwd")))
                .hasMessageContaining("mirror_url 'file:///etc/passwd' must be an http or https URL");
        assertThatThrownBy(() -> IndexConfig.mirror(null)).hasMessageContaining("mirror_url");
    }

    @Test
    void refusesAMirrorUrlOnAStage() {
        assertThatThrownBy(() -> new IndexConfig(IndexType.STAGE, List.of(), false, List.of("a"), List.of(), List.of(),
                URI.create("https://pypi.org/simple/"), 1800, 0, "", ""))
                .hasMessageContaining("mirror_url applies only to mirror indexes");
    }

    @Test
    void refusesNegativeDurations() {
        assertThatThrownBy(() -> new IndexConfig(IndexType.STAGE, List.of(), false, List.of("a"), List.of(), List.of(),
                null, 1800, -1, "", ""))
                .hasMessageContaining("upstream_min_age");
    }

    @Test
    void parsesIndexReferences() {
        assertThat(IndexName.parse("team/dev")).isEqualTo(new IndexName(new UserName("team"), "dev"));
        assertThatThrownBy(() -> IndexName.parse("team")).hasMessageContaining("expected 'user/index'");
        assertThatThrownBy(() -> IndexName.parse("team/dev/x")).hasMessageContaining("expected 'user/index'");
        assertThatThrownBy(() -> IndexName.parse("team/+simple")).hasMessageContaining("Invalid index name '+simple'");
        assertThatThrownBy(() -> IndexName.parse("Team/dev")).hasMessageContaining("Invalid user name 'Team'");
    }
}
