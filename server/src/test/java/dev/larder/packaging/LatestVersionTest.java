package dev.larder.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LatestVersionTest {

    private static List<Version> versions(String... texts) {
        return java.util.Arrays.stream(texts).map(Version::parse).toList();
    }

    @Test
    void theHighestFinalReleaseThatIsNotYankedLeads() {
        Set<Version> yanked = Set.of(Version.parse("3.0"));
        assertThat(LatestVersion.of(versions("1.0", "2.0", "3.0", "4.0rc1"), yanked::contains))
                .contains(Version.parse("2.0"));
    }

    @Test
    void withOnlyPreReleasesTheHighestNotYankedLeadsThenTheHighest() {
        assertThat(LatestVersion.of(versions("1.0a1", "1.0b2"), v -> false)).contains(Version.parse("1.0b2"));
        assertThat(LatestVersion.of(versions("1.0", "2.0"), v -> true)).contains(Version.parse("2.0"));
        assertThat(LatestVersion.of(List.of(), v -> false)).isEmpty();
    }
}
