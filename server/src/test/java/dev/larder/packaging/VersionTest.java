package dev.larder.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** https://packaging.python.org/en/latest/specifications/version-specifiers/ (PEP 440); protocol.md §4.3. */
class VersionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // case and whitespace, the leading v
            "1.0|1.0", "  1.0\t|1.0", "v1.0|1.0", "V1.0|1.0",
            // integers are normalized
            "00|0", "09000|9000", "1.0.00|1.0.0", "1.01|1.1",
            // epochs
            "1!1.0|1!1.0", "0!1.0|1.0", "01!2.0|1!2.0",
            // pre-releases: spellings, separators, implicit number
            "1.0a1|1.0a1", "1.0alpha1|1.0a1", "1.0.a1|1.0a1", "1.0-a1|1.0a1", "1.0_a1|1.0a1", "1.0a.1|1.0a1",
            "1.0b2|1.0b2", "1.0beta2|1.0b2", "1.0c1|1.0rc1", "1.0pre1|1.0rc1", "1.0preview1|1.0rc1",
            "1.1.RC1|1.1rc1", "1.2a|1.2a0",
            // post-releases: spellings, implicit post, implicit number
            "1.0.post1|1.0.post1", "1.0post1|1.0.post1", "1.0-post1|1.0.post1", "1.0_post_1|1.0.post1",
            "1.0.rev1|1.0.post1", "1.0.r1|1.0.post1", "1.0-1|1.0.post1", "1.0.post|1.0.post0",
            // dev releases
            "1.0.dev1|1.0.dev1", "1.0dev1|1.0.dev1", "1.0-dev1|1.0.dev1", "1.0.dev|1.0.dev0",
            // everything at once
            "1!2.0rc1.post2.dev3+abc.5|1!2.0rc1.post2.dev3+abc.5",
            // local versions: separators become dots, lower case, numbers normalized
            "1.0+ubuntu-1|1.0+ubuntu.1", "1.0+UBUNTU_1|1.0+ubuntu.1", "1.0+abc.007|1.0+abc.7", "2.1.0+cu121|2.1.0+cu121"})
    void parsesAndNormalizesToTheCanonicalForm(String input, String canonical) {
        assertThat(Version.parse(input).toString()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.0-", "a1.0", "1.0+", "1.0+-a", "1..0", "1.0.", "french toast", "1.0\n\n1",
            "1.0+local+again", "1.0a1a1", "١.٠", "1.0-rc-rc"})
    void rejectsWhatPep440DoesNotAccept(String input) {
        assertThat(Version.isValid(input)).isFalse();
        assertThatThrownBy(() -> Version.parse(input))
                .isInstanceOf(InvalidDistributionNameException.class)
                .hasMessageContaining("Invalid version '" + input + "'");
    }

    @Test
    void ordersTheSpecExampleSequenceAsThePepGivesIt() {
        // The ordering example from the "Summary of permitted suffixes and relative ordering" section.
        List<String> ordered = List.of(
                "1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456",
                "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5",
                "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1");
        List<Version> shuffled = new ArrayList<>(ordered.stream().map(Version::parse).toList());
        Collections.shuffle(shuffled, new Random(440));

        Collections.sort(shuffled);

        assertThat(shuffled).extracting(Version::toString)
                .containsExactlyElementsOf(ordered.stream().map(v -> Version.parse(v).toString()).toList());
    }

    @Test
    void ordersEpochsBeforeEverythingElse() {
        assertThat(Version.parse("1!0.1")).isGreaterThan(Version.parse("2024.1"));
        assertThat(Version.parse("0!2.0")).isEqualTo(Version.parse("2.0"));
    }

    @Test
    void ordersDevBeforePreBeforeFinalBeforeLocalBeforePost() {
        assertThat(List.of("1.0.dev0", "1.0a0", "1.0", "1.0+local", "1.0.post0.dev0", "1.0.post0"))
                .extracting(Version::parse)
                .isSortedAccordingTo(Version::compareTo);
        assertThat(Version.parse("1.0.post0.dev0")).isLessThan(Version.parse("1.0.post0"));
    }

    @Test
    void treatsTrailingZerosAsEqualAndKeysReleasesWithoutThem() {
        Version a = Version.parse("1.0");
        Version b = Version.parse("1.0.0");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).isEqualTo("1.0");
        assertThat(b.toString()).isEqualTo("1.0.0");
        assertThat(b.releaseKey()).isEqualTo("1");
        assertThat(Version.parse("1.4.0.0.0").releaseKey()).isEqualTo("1.4");
        assertThat(Version.parse("0.0").releaseKey()).isEqualTo("0");
    }

    @Test
    void comparesReleaseNumbersNumericallyNotAsText() {
        assertThat(Version.parse("1.10")).isGreaterThan(Version.parse("1.9"));
        assertThat(Version.parse("99999999999999999999999.1")).isGreaterThan(Version.parse("99999999999999999999999"));
    }

    @Test
    void ordersLocalSegmentsWithLettersBeforeNumbersAndPrefixesFirst() {
        assertThat(Version.parse("1.0+abc")).isLessThan(Version.parse("1.0+1"));
        assertThat(Version.parse("1.0+abc")).isLessThan(Version.parse("1.0+abd"));
        assertThat(Version.parse("1.0+2")).isLessThan(Version.parse("1.0+10"));
        assertThat(Version.parse("1.0+abc")).isLessThan(Version.parse("1.0+abc.1"));
        assertThat(Version.parse("1.0+ABC.01")).isEqualTo(Version.parse("1.0+abc.1"));
    }

    @Test
    void ordersPreReleasePhasesAlphaBetaCandidate() {
        assertThat(Version.parse("1.0a9")).isLessThan(Version.parse("1.0b1"));
        assertThat(Version.parse("1.0b9")).isLessThan(Version.parse("1.0c1"));
        assertThat(Version.parse("1.0c1")).isEqualTo(Version.parse("1.0rc1"));
    }

    @Test
    void knowsPreReleasesAndLocalVersions() {
        assertThat(Version.parse("1.0a1").isPrerelease()).isTrue();
        assertThat(Version.parse("1.0.dev1").isPrerelease()).isTrue();
        assertThat(Version.parse("1.0.post1").isPrerelease()).isFalse();
        assertThat(Version.parse("1.0+cu121").isLocal()).isTrue();
        assertThat(Version.parse("1.0").isLocal()).isFalse();
    }
}
