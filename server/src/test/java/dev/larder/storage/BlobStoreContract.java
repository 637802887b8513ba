package dev.larder.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link BlobStore} keeps. An implementation's test extends this class and supplies a fresh,
 * empty store; the S3 store will run the very same tests.
 */
abstract class BlobStoreContract {

    @TempDir
    Path scratch;

    /** A new, empty store for one test. */
    protected abstract BlobStore store() throws IOException;

    /** Where the implementation keeps unfinished writes, if anywhere one can look; checked to be empty. */
    protected abstract List<Path> leftoverWrites() throws IOException;

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsBackExactlyTheBytesWrittenUnderTheirSha256() throws Exception {
        BlobStore store = store();
        byte[] content = randomBytes(300_000, 1);

        StoredBlob stored = store.write(new ByteArrayInputStream(content));

        assertThat(stored.key().sha256()).isEqualTo(sha256Hex(content));
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(store.contains(stored.key())).isTrue();
        BlobContent found = store.find(stored.key()).orElseThrow();
        assertThat(found.size()).isEqualTo(content.length);
        assertThat(readAll(found.open())).isEqualTo(content);
    }

    @Test
    void computesDigestsThatMatchSha256sumB2sumAndMd5sum() throws Exception {
        BlobStore store = store();
        byte[] content = randomBytes(1_234_567, 2);
        Path file = scratch.resolve("content.bin");
        Files.write(file, content);

        Digests digests = store.write(Files.newInputStream(file)).digests();

        assertThat(digests.sha256()).isEqualTo(firstWordOf("sha256sum", file.toString()));
        assertThat(digests.blake2b256()).isEqualTo(firstWordOf("b2sum", "-l", "256", file.toString()));
        assertThat(digests.md5()).isEqualTo(firstWordOf("md5sum", file.toString()));
    }

    private static String firstWordOf(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
        return output.split("\\s+")[0];
    }

    @Test
    void hashesAnEmptyBlob() throws Exception {
        StoredBlob stored = store().write(InputStream.nullInputStream());

        assertThat(stored.key().sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(stored.digests().md5()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(stored.size()).isZero();
    }

    @Test
    void writingTheSameBytesAgainKeepsOneCopyAndAnswersTheSameKey() throws Exception {
        BlobStore store = store();
        byte[] content = randomBytes(10_000, 3);

        StoredBlob first = store.write(new ByteArrayInputStream(content));
        StoredBlob second = store.write(new ByteArrayInputStream(content));

        assertThat(second).isEqualTo(first);
        assertThat(readAll(store.find(first.key()).orElseThrow().open())).isEqualTo(content);
        assertThat(leftoverWrites()).isEmpty();
    }

    @Test
    void concurrentWritersOfTheSameBytesEndWithOneIntactCopy() throws Exception {
        BlobStore store = store();
        byte[] content = randomBytes(4 * 1024 * 1024, 4);
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<StoredBlob>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Callable<StoredBlob> write = () -> {
                    start.await();
                    return store.write(new ByteArrayInputStream(content));
                };
                results.add(pool.submit(write));
            }
            start.countDown();
            for (Future<StoredBlob> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS).key().sha256()).isEqualTo(sha256Hex(content));
            }
        } finally {
            pool.shutdownNow();
        }

        BlobKey key = new BlobKey(sha256Hex(content));
        assertThat(readAll(store.find(key).orElseThrow().open())).isEqualTo(content);
        assertThat(store.verify(key)).isTrue();
        assertThat(leftoverWrites()).isEmpty();
    }

    @Test
    void aWriteThatFailsHalfwayLeavesNothingBehind() throws Exception {
        BlobStore store = store();
        byte[] content = randomBytes(2 * 1024 * 1024, 5);
        InputStream breaksHalfway = new InputStream() {
            private final InputStream delegate = new ByteArrayInputStream(content, 0, content.length / 2);

            @Override
            public int read() throws IOException {
                int b = delegate.read();
                if (b < 0) {
                    throw new IOException("connection reset by peer");
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = delegate.read(buffer, offset, length);
                if (n < 0) {
                    throw new IOException("connection reset by peer");
                }
                return n;
            }
        };

        assertThatThrownBy(() -> store.write(breaksHalfway)).isInstanceOf(IOException.class);

        byte[] firstHalf = Arrays.copyOf(content, content.length / 2);
        assertThat(store.contains(new BlobKey(sha256Hex(firstHalf)))).isFalse();
        assertThat(store.contains(new BlobKey(sha256Hex(content)))).isFalse();
        assertThat(leftoverWrites()).isEmpty();
    }

    @Test
    void anAbandonedWriterLeavesNothingBehind() throws Exception {
        BlobStore store = store();
        byte[] content = randomBytes(50_000, 6);

        try (BlobWriter writer = store.writer()) {
            writer.output().write(content);
        }

        assertThat(store.contains(new BlobKey(sha256Hex(content)))).isFalse();
        assertThat(leftoverWrites()).isEmpty();
    }

    @Test
    void aCommitExpectingOtherBytesStoresNothingAndNamesBothDigests() throws Exception {
        BlobStore store = store();
        byte[] content = randomBytes(50_000, 7);
        BlobKey expected = new BlobKey(sha256Hex(randomBytes(50_000, 8)));

        try (BlobWriter writer = store.writer()) {
            writer.output().write(content);
            assertThatThrownBy(() -> writer.commit(expected))
                    .isInstanceOf(BlobDigestMismatchException.class)
                    .hasMessageContaining(expected.sha256())
                    .hasMessageContaining(sha256Hex(content));
        }

        assertThat(store.contains(new BlobKey(sha256Hex(content)))).isFalse();
        assertThat(store.contains(expected)).isFalse();
        assertThat(leftoverWrites()).isEmpty();
    }

    @Test
    void aCommitExpectingTheRightBytesStoresThem() throws Exception {
        BlobStore store = store();
        byte[] content = randomBytes(50_000, 9);
        BlobKey expected = new BlobKey(sha256Hex(content));

        try (BlobWriter writer = store.writer()) {
            try (OutputStream out = writer.output()) {
                out.write(content); // closing the stream we were given must not lose the write
            }
            assertThat(writer.commit(expected).key()).isEqualTo(expected);
        }

        assertThat(store.verify(expected)).isTrue();
    }

    @Test
    void readsARangeWithoutTheRestOfTheBlob() throws Exception {
        BlobStore store = store();
        byte[] content = randomBytes(100_000, 10);
        BlobContent blob = store.find(store.write(new ByteArrayInputStream(content)).key()).orElseThrow();

        assertThat(readAll(blob.open(0, 100))).isEqualTo(Arrays.copyOfRange(content, 0, 100));
        assertThat(readAll(blob.open(99_990, 10))).isEqualTo(Arrays.copyOfRange(content, 99_990, 100_000));
        assertThat(readAll(blob.open(5, 1))).containsExactly(content[5]);
        assertThat(readAll(blob.open(100_000, 0))).isEmpty();
        assertThatThrownBy(() -> blob.open(99_999, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answersEmptyForABlobItDoesNotHold() throws Exception {
        BlobStore store = store();
        BlobKey absent = new BlobKey(sha256Hex(new byte[] {1, 2, 3}));

        assertThat(store.find(absent)).isEmpty();
        assertThat(store.contains(absent)).isFalse();
        assertThat(store.verify(absent)).isFalse();
    }

    @Test
    void deletesABlob() throws Exception {
        BlobStore store = store();
        BlobKey key = store.write(new ByteArrayInputStream(randomBytes(1000, 11))).key();

        assertThat(store.delete(key)).isTrue();

        assertThat(store.contains(key)).isFalse();
        assertThat(store.delete(key)).isFalse();
    }

    @Test
    void isWritableWhenFresh() throws Exception {
        store().checkWritable();
    }
}
