package dev.larder.platform;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one folder that holds a server's database and blobs, locked for as long as the server runs.
 *
 * <p>Two servers on one folder would corrupt both the blob store (each clears the other's unfinished writes) and the
 * database, so the second one must fail at once and say why. An OS file lock is released by the kernel when the
 * process dies, so a crash never leaves a stale lock behind.
 */
@Singleton
public final class DataFolder {

    private static final String LOCK_FILE = "larder.lock";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    public DataFolder(@Value("${larder.data-dir}") Path configured) {
        this.path = configured.toAbsolutePath().normalize();
        try {
            Files.createDirectories(path);
            lockChannel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            lock = tryLock();
            lockChannel.truncate(0);
            lockChannel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use data folder " + path + ": " + e.getMessage()
                    + ". Check that it exists or can be created, and that Larder may write to it.", e);
        }
    }

    private FileLock tryLock() throws IOException {
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null; // this very JVM holds it already: another server in the same process
        }
        if (acquired == null) {
            String holder = new String(Files.readAllBytes(path.resolve(LOCK_FILE)), StandardCharsets.US_ASCII).trim();
            lockChannel.close();
            throw new DataFolderInUseException(path, holder);
        }
        return acquired;
    }

    public Path path() {
        return path;
    }

    public Path resolve(String child) {
        return path.resolve(child);
    }

    @PreDestroy
    void release() throws IOException {
        lock.release();
        lockChannel.close();
    }
}
