package dev.larder.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Core metadata files read as Python's email parser (compat32) reads them. */
class CoreMetadataTest {

    @Test
    void readsHeadersRepeatedFieldsAndTheBodyAsDescription() {
        CoreMetadata metadata = CoreMetadata.parse("""
                Metadata-Version: 2.1
                Name: Holy_Grail
                Version: 1.0
                Summary: A grail
                Requires-Python: >=3.8
                Requires-Dist: attrs
                Requires-Dist: requests>=2; extra == "web"
                Classifier: Programming Language :: Python :: 3

                The long description.
                Second line.""".getBytes(StandardCharsets.UTF_8));

        assertThat(metadata.name()).hasValue("Holy_Grail");
        assertThat(metadata.version()).hasValue("1.0");
        assertThat(metadata.requiresPython()).hasValue(">=3.8");
        assertThat(metadata.requiresDist()).containsExactly("attrs", "requests>=2; extra == \"web\"");
        assertThat(metadata.all("classifier")).containsExactly("Programming Language :: Python :: 3");
        assertThat(metadata.description()).hasValue("The long description.\nSecond line.");
    }

    @Test
    void foldsContinuationLinesAndReadsTheOldDescriptionHeader() {
        CoreMetadata metadata = CoreMetadata.parse("Metadata-Version: 1.1\nName: old\nVersion: 0.1\n"
                + "Description: first line\n        second line\nLicense: MIT\n");

        assertThat(metadata.description()).hasValue("first line\n        second line");
        assertThat(metadata.first("License")).hasValue("MIT");
    }

    @Test
    void rejectsBytesThatAreNotUtf8() {
        byte[] latin1 = "Name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> CoreMetadata.parse(latin1)).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void answersEmptyForMissingFields() {
        CoreMetadata metadata = CoreMetadata.parse("Name: x\n");

        assertThat(metadata.version()).isEmpty();
        assertThat(metadata.requiresDist()).isEmpty();
        assertThat(metadata.description()).isEmpty();
    }
}
