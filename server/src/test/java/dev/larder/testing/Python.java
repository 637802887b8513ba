package dev.larder.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Python clients from Debian's packages (installed by bin/test): twine, and pip inside a fresh venv.
 * Every run gets a clean environment: PATH with the system folders only, a temporary HOME,
 * {@code PIP_CONFIG_FILE=/dev/null} and no other PIP_* variable, so pip cannot fall back to the machine's local
 * wheel folders or package copies and prove nothing.
 */
public final class Python {

    public static final String PYTHON = "/usr/bin/python3";
    public static final String TWINE = "/usr/bin/twine";

    private final Path home;

    public Python(Path home) {
        this.home = home;
    }

    public record Result(int exitCode, String output) {
        public Result assertSucceeded() {
            assertThat(exitCode).as("exit code; output:\n" + output).isZero();
            return this;
        }
    }

    public Result run(Path workdir, Map<String, String> extraEnv, String... command) throws IOException,
            InterruptedException {
        Files.createDirectories(home);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("PIP_CONFIG_FILE", "/dev/null");
        env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        env.put("LANG", "C.UTF-8");
        env.put("TERM", "dumb");
        env.putAll(extraEnv);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command) + "\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    /** {@code twine upload} of {@code files} to an index's upload URL with {@code user}/{@code password}. */
    public Result twineUpload(String repositoryUrl, String user, String password, List<String> options,
                              Path... files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TWINE, "upload", "--disable-progress-bar", "--non-interactive",
                "--repository-url", repositoryUrl, "-u", user, "-p", password));
        command.addAll(options);
        for (Path file : files) {
            command.add(file.toString());
        }
        return run(files[0].getParent(), Map.of(), command.toArray(String[]::new));
    }

    /** A fresh virtual environment under {@code folder}; answers its pip. */
    public Path newVenv(Path folder) throws IOException, InterruptedException {
        run(folder.getParent(), Map.of(), PYTHON, "-m", "venv", folder.toString()).assertSucceeded();
        return folder.resolve("bin/pip");
    }

    /** {@code pip install --index-url URL requirements...} with no cache, into the venv of {@code pip}. */
    public Result pipInstall(Path pip, String indexUrl, String... requirements) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(pip.toString(), "install", "--no-cache-dir",
                "--index-url", indexUrl));
        command.addAll(List.of(requirements));
        return run(pip.getParent(), Map.of(), command.toArray(String[]::new));
    }
}
