package dev.larder.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Wheel (binary distribution format) and sdist (PEP 625) filenames; protocol.md §4.1-4.2. */
class DistributionFilenameTest {

    @Test
    void parsesAWheelIntoItsParts() {
        DistributionFilename parsed = DistributionFilename.parse("foo_bar-1.0-py3-none-any.whl");

        assertThat(parsed).isInstanceOfSatisfying(WheelFilename.class, wheel -> {
            assertThat(wheel.project()).isEqualTo(new ProjectName("foo-bar"));
            assertThat(wheel.version()).isEqualTo(Version.parse("1.0"));
            assertThat(wheel.buildTag()).isNull();
            assertThat(wheel.pythonTag()).isEqualTo("py3");
            assertThat(wheel.abiTag()).isEqualTo("none");
            assertThat(wheel.platformTag()).isEqualTo("any");
        });
    }

    @Test
    void parsesAWheelWithABuildTagAndCompressedTagSets() {
        WheelFilename wheel = (WheelFilename) DistributionFilename.parse(
                "numpy-1.26.4-1local-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");

        assertThat(wheel.project().value()).isEqualTo("numpy");
        assertThat(wheel.buildTag()).isEqualTo("1local");
        assertThat(wheel.platformTag()).isEqualTo("manylinux_2_17_x86_64.manylinux2014_x86_64");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Foo.Bar-2.0-py2.py3-none-any.whl, foo-bar, 2.0",
            "torch-2.1.0+cu121-cp311-cp311-linux_x86_64.whl, torch, 2.1.0+cu121",
            "pkg-1!2.0rc1-py3-none-any.whl, pkg, 1!2.0rc1"})
    void acceptsOlderProducersSpellingsAndLocalOrEpochVersions(String filename, String project, String version) {
        DistributionFilename parsed = DistributionFilename.parse(filename);

        assertThat(parsed.project().value()).isEqualTo(project);
        assertThat(parsed.version().toString()).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "foo-1.0-py3-none.whl",                 // too few parts
            "foo-1.0-1-2-py3-none-any.whl",         // too many parts
            "foo__bar-1.0-py3-none-any.whl",        // double underscore
            "foo-bar-1.0-py3-none-any.whl",         // hyphen in the name makes six parts with a bad build tag
            "foo-notaversion-py3-none-any.whl",     // invalid version
            "foo-1.0-abc-py3-none-any.whl",         // build tag must start with a digit
            "foo-1.0--none-any.whl",                // empty tag
            "föo-1.0-py3-none-any.whl"})            // non-ASCII name
    void rejectsInvalidWheelFilenamesWithAMessageNamingTheFile(String filename) {
        assertThatThrownBy(() -> DistributionFilename.parse(filename))
                .isInstanceOf(InvalidDistributionNameException.class)
                .hasMessageContaining("Invalid wheel filename '" + filename + "'");
    }

    @Test
    void parsesAStandardSdist() {
        DistributionFilename parsed = DistributionFilename.parse("foo_bar-1.0.tar.gz");

        assertThat(parsed).isInstanceOfSatisfying(SdistFilename.class, sdist -> {
            assertThat(sdist.project().value()).isEqualTo("foo-bar");
            assertThat(sdist.version().toString()).isEqualTo("1.0");
            assertThat(sdist.suffix()).isEqualTo(".tar.gz");
        });
    }

    @Test
    void parsesAZipSdistSplittingAtTheLastHyphen() {
        DistributionFilename parsed = DistributionFilename.parse("zope-interface-5.0.zip");

        assertThat(parsed.project().value()).isEqualTo("zope-interface");
        assertThat(parsed.version().toString()).isEqualTo("5.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo-1.0.tar.bz2", "foo.tar.gz", "foo-bar.tar.gz", "-1.0.tar.gz", "foo-1.0.exe",
            "foo-1.0.egg", "foo-1.0"})
    void rejectsInvalidSdistFilenames(String filename) {
        assertThatThrownBy(() -> DistributionFilename.parse(filename))
                .isInstanceOf(InvalidDistributionNameException.class)
                .hasMessageContaining("'" + filename + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../foo-1.0.tar.gz", "dir/foo-1.0-py3-none-any.whl"})
    void rejectsEmptyNamesAndPaths(String filename) {
        assertThatThrownBy(() -> DistributionFilename.parse(filename))
                .isInstanceOf(InvalidDistributionNameException.class);
    }

    @Test
    void resolvesLegacyHyphenatedSdistsWhenTheProjectIsKnown() {
        ProjectName zope = new ProjectName("zope.interface");
        assertThat(DistributionFilename.parseForProject("zope.interface-4.7.1.tar.gz", zope).version())
                .isEqualTo(Version.parse("4.7.1"));

        DistributionFilename legacyPost = DistributionFilename.parseForProject("foo-1.0-1.tar.gz",
                new ProjectName("foo"));
        assertThat(legacyPost.version().toString()).isEqualTo("1.0.post1");

        DistributionFilename bz2 = DistributionFilename.parseForProject("Foo-Bar-2.0.tar.bz2",
                new ProjectName("foo-bar"));
        assertThat(bz2.version().toString()).isEqualTo("2.0");
    }

    @Test
    void rejectsAFileOfAnotherProjectOnAProjectPage() {
        assertThatThrownBy(() -> DistributionFilename.parseForProject("other-1.0.tar.gz", new ProjectName("foo")))
                .isInstanceOf(InvalidDistributionNameException.class)
                .hasMessageContaining("project 'foo'");
        assertThatThrownBy(() -> DistributionFilename.parseForProject("other-1.0-py3-none-any.whl",
                new ProjectName("foo")))
                .isInstanceOf(InvalidDistributionNameException.class)
                .hasMessageContaining("belongs to project 'other'");
    }
}
