package dev.larder.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.Application;
import dev.larder.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class DataFolderLockTest {

    @Test
    void aSecondServerInTheSameProcessFailsNamingTheFolderAndTheFirstKeepsWorking() {
        try (TestServer first = TestServer.start()) {
            assertThatThrownBy(() -> TestServer.start(first.dataFolder()))
                    .rootCause()
                    .isInstanceOf(DataFolderInUseException.class)
                    .hasMessageContaining(first.dataFolder().toAbsolutePath().normalize().toString())
                    .hasMessageContaining("in use by another Larder server");

            assertThat(first.bean(dev.larder.account.Accounts.class).anyExist()).isTrue();
        }
    }

    @Test
    void aSecondServerProcessExitsWithOneClearLine() throws Exception {
        try (TestServer first = TestServer.start()) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    Application.class.getName())
                    .redirectErrorStream(true);
            builder.environment().putAll(Map.of(
                    "LARDER_DATA_DIR", first.dataFolder().toString(),
                    "LARDER_PORT", "0",
                    "LARDER_BIND_ADDRESS", "127.0.0.1"));
            Process second = builder.start();

            boolean exited = second.waitFor(60, TimeUnit.SECONDS);
            String output = new String(second.getInputStream().readAllBytes());

            assertThat(exited).as("the second server must exit, not run: " + output).isTrue();
            assertThat(second.exitValue()).isEqualTo(1);
            assertThat(output.lines().filter(line -> line.contains("ERROR")).toList())
                    .singleElement(InstanceOfAssertFactories.STRING)
                    .contains("is in use by another Larder server (process " + ProcessHandle.current().pid() + ")");
        }
    }

    @Test
    void theFolderIsFreeAgainOnceTheServerStops() {
        Path folder = TestServer.newDataFolder();
        TestServer.start(folder).close();

        try (TestServer again = TestServer.start(folder)) {
            assertThat(again.dataFolder()).isEqualTo(folder);
        }
    }
}
