package dev.larder.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void computesTheArgon2idReferenceVector() {
        // The Argon2 reference implementation's test: "password", salt "somesalt", t=2, m=64 MiB, p=1.
        byte[] hash = PasswordHasher.argon2id("password", "somesalt".getBytes(StandardCharsets.US_ASCII),
                64 * 1024, 2, 1, 32);

        assertThat(HexFormat.of().formatHex(hash))
                .isEqualTo("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7");
    }

    @Test
    void encodesHashesInThePhcFormatWithTheirParameters() {
        assertThat(hasher.hash("s3cret")).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void matchesTheRightPasswordOnly() {
        String encoded = hasher.hash("correct horse battery staple");

        assertThat(hasher.matches("correct horse battery staple", encoded)).isTrue();
        assertThat(hasher.matches("correct horse battery stapl", encoded)).isFalse();
        assertThat(hasher.matches("", encoded)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void neverMatchesAnUnreadableHash() {
        assertThat(hasher.matches("x", null)).isFalse();
        assertThat(hasher.matches("x", "plain-text")).isFalse();
        assertThat(hasher.matches("x", "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA")).isFalse();
    }

    @Test
    void verifiesHashesMadeWithOtherParameters() {
        String stronger = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        assertThat(hasher.matches("password", stronger)).isTrue();
    }
}
