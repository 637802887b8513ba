package dev.larder.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * {@code $XDG_CONFIG_HOME/larder/config.json} (or {@code ~/.config/larder/config.json}), readable by its owner
 * only (0600), since it holds a token. {@code LARDER_URL}, {@code LARDER_INDEX} and {@code LARDER_TOKEN} override
 * it, so CI needs no file at all.
 */
final class ConfigStore {

    private final Path file;
    private final Map<String, String> env;
    private final ObjectMapper json;

    ConfigStore(Map<String, String> env, ObjectMapper json) {
        this.env = env;
        this.json = json;
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        this.file = base.resolve("larder").resolve("config.json");
    }

    Path file() {
        return file;
    }

    /** The stored settings, without the environment's overrides: what {@link #save} starts from. */
    Config stored() {
        if (!Files.isRegularFile(file)) {
            return Config.EMPTY;
        }
        try {
            return json.readValue(file.toFile(), Config.class);
        } catch (IOException e) {
            throw new CliException(CliException.USAGE, "Cannot read " + file + ": " + e.getMessage()
                    + ". Fix or delete it, then run 'larder use' again.");
        }
    }

    /** The settings in effect: the stored ones with the environment's overrides. */
    Config effective() {
        Config stored = stored();
        return new Config(override("LARDER_URL", stored.url()), override("LARDER_INDEX", stored.index()),
                stored.user(), override("LARDER_TOKEN", stored.token()), stored.tokenId());
    }

    private String override(String variable, String value) {
        String set = env.get(variable);
        return set != null && !set.isBlank() ? set : value;
    }

    void save(Config config) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "config", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), config);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
