package dev.larder.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.packaging.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
        // Credentials come from the environment; a desktop key ring (chromium's packages bring one's libraries)
        // must not be asked, or poetry fails with "Unable to retrieve the password ... from the key ring".
        env.put("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring");
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

    /** A fresh virtual environment of Debian's Python under {@code folder}; answers its pip (23.0). */
    public Path newVenv(Path folder) throws IOException, InterruptedException {
        return newVenv(folder, Path.of(PYTHON));
    }

    public Path newVenv(Path folder, Path python) throws IOException, InterruptedException {
        run(folder.getParent(), Map.of(), python.toString(), "-m", "venv", folder.toString()).assertSucceeded();
        return folder.resolve("bin/pip");
    }

    /**
     * A Python whose bundled pip is newer than Debian's 23.0, if the machine has one: pyenv's 3.11 ships pip 23.2,
     * the first to read PEP 714's {@code core-metadata} key in JSON pages (shared/STACK.md §8).
     */
    public static Optional<Path> pythonWithNewerPip() throws IOException {
        Path versions = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        Version minimum = Version.parse("23.2");
        Path best = null;
        Version bestPip = null;
        try (Stream<Path> bundled = Files.find(versions, 6, (path, attributes) ->
                path.getFileName().toString().matches("pip-[0-9.]+-py3-none-any\\.whl")
                        && path.getParent().endsWith(Path.of("ensurepip", "_bundled")))) {
            for (Path wheel : bundled.toList()) {
                Version pip = Version.parse(wheel.getFileName().toString().split("-")[1]);
                Path python = wheel.getParent().getParent().getParent().getParent().getParent().resolve("bin/python3");
                if (pip.compareTo(minimum) >= 0 && Files.isExecutable(python) && (bestPip == null || pip.compareTo(bestPip) > 0)) {
                    best = python;
                    bestPip = pip;
                }
            }
        }
        return Optional.ofNullable(best);
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
