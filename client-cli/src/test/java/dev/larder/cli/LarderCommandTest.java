package dev.larder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LarderCommandTest {

    @Test
    void printsUsageAndSucceedsWhenCalledWithoutArguments() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exitCode;
        try {
            exitCode = LarderCommand.execute(new String[0]);
        } finally {
            System.setOut(original);
        }

        assertThat(exitCode).isZero();
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("Usage: larder");
    }

    @Test
    void rejectsAnUnknownOptionWithAUsageError() {
        assertThat(LarderCommand.execute("--no-such-option")).isEqualTo(2);
    }
}
