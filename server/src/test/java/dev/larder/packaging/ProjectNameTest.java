package dev.larder.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** https://packaging.python.org/en/latest/specifications/name-normalization/ (protocol.md §1, rows 1-2). */
class ProjectNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"friendly-bard", "Friendly-Bard", "FRIENDLY-BARD", "friendly.bard", "friendly_bard",
            "friendly--bard", "FrIeNdLy-._.-bArD"})
    void row01_normalizesEverySpellingOfTheSpecExampleToFriendlyBard(String spelling) {
        assertThat(new ProjectName(spelling).value()).isEqualTo("friendly-bard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "A.b_c-1", "0", "zope.interface", "Django"})
    void row02_acceptsValidNames(String name) {
        assertThat(ProjectName.isValid(name)).isTrue();
        assertThat(new ProjectName(name).value()).matches("^[a-z0-9]+(-[a-z0-9]+)*$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-foo", "foo-", "fo o", "föo", "foo\n", "", ".foo", "foo_", "foo/bar", "foo+bar"})
    void row02_rejectsInvalidNamesWithAMessageNamingTheName(String name) {
        assertThat(ProjectName.isValid(name)).isFalse();
        assertThatThrownBy(() -> new ProjectName(name))
                .isInstanceOf(InvalidDistributionNameException.class)
                .hasMessageContaining("Invalid project name '" + name + "'");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> new ProjectName(null)).isInstanceOf(InvalidDistributionNameException.class);
    }

    @Test
    void row01_lowerCasesTheSameInATurkishLocale() {
        Locale original = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(new ProjectName("PILLOW").value()).isEqualTo("pillow");
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void tellsNormalizedNamesFromOthers() {
        assertThat(ProjectName.isNormalized("foo-bar")).isTrue();
        assertThat(ProjectName.isNormalized("Foo_Bar")).isFalse();
        assertThat(ProjectName.isNormalized("foo--bar")).isFalse();
    }

    @Test
    void givesTheFilenameFormWithUnderscores() {
        assertThat(new ProjectName("Foo.Bar-baz").filenameForm()).isEqualTo("foo_bar_baz");
    }

    @Test
    void equalsAnotherSpellingOfTheSameProject() {
        assertThat(new ProjectName("Foo.Bar")).isEqualTo(new ProjectName("foo_bar"));
    }
}
