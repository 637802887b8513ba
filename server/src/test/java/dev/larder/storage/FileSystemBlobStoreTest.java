package dev.larder.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FileSystemBlobStoreTest extends BlobStoreContract {

    private Path root;

    @Override
    protected BlobStore store() throws IOException {
        root = scratch.resolve("blobs");
        return new FileSystemBlobStore(root);
    }

    @Override
    protected List<Path> leftoverWrites() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
            return files.toList();
        }
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("sha256"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void laysBlobsOutBySha256WithTwoLevelsOfFanOut() throws Exception {
        BlobStore store = store();
        byte[] content = randomBytes(1000, 20);
        String hex = sha256Hex(content);

        store.write(new ByteArrayInputStream(content));

        Path expected = root.resolve("sha256").resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
        assertThat(storedFiles()).containsExactly(expected);
        assertThat(Files.readAllBytes(expected)).isEqualTo(content);
    }

    @Test
    void keepsExactlyOneFileForBytesWrittenManyTimes() throws Exception {
        BlobStore store = store();
        byte[] content = randomBytes(1000, 21);

        for (int i = 0; i < 3; i++) {
            store.write(new ByteArrayInputStream(content));
        }

        assertThat(storedFiles()).hasSize(1);
    }

    @Test
    void makesStoredBlobsReadOnly() throws Exception {
        BlobStore store = store();
        BlobKey key = store.write(new ByteArrayInputStream(randomBytes(1000, 22))).key();

        Path file = root.resolve("sha256").resolve(key.sha256().substring(0, 2)).resolve(key.sha256().substring(2, 4))
                .resolve(key.sha256());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r--r--r--");
    }

    @Test
    void removesUnfinishedWritesLeftByACrashWhenItOpens() throws Exception {
        store();
        Path leftover = Files.writeString(root.resolve("tmp").resolve("write-123.part"), "half a wheel");

        new FileSystemBlobStore(root);

        assertThat(leftover).doesNotExist();
    }

    @Test
    void verifyNoticesBytesChangedOnDisk() throws Exception {
        BlobStore store = store();
        BlobKey key = store.write(new ByteArrayInputStream(randomBytes(1000, 23))).key();
        Path file = storedFiles().get(0);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.write(file, randomBytes(1000, 24));

        assertThat(store.verify(key)).isFalse();
    }

    @Test
    void replacesAStoredCopyOfTheWrongSizeWithTheVerifiedBytes() throws Exception {
        BlobStore store = store();
        byte[] content = randomBytes(1000, 25);
        BlobKey key = store.write(new ByteArrayInputStream(content)).key();
        Path file = storedFiles().get(0);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.write(file, new byte[10]); // truncated by a disk fault

        store.write(new ByteArrayInputStream(content));

        assertThat(store.verify(key)).isTrue();
    }

    @Test
    void saysWhichFolderIsMissingWhenItCannotWrite() throws Exception {
        BlobStore store = store();
        Files.delete(root.resolve("tmp"));

        assertThatThrownBy(store::checkWritable)
                .isInstanceOf(IOException.class)
                .hasMessageContaining(root.resolve("tmp").toString());
    }
}
