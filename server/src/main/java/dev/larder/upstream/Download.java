package dev.larder.upstream;

import dev.larder.storage.BlobDigestMismatchException;
import dev.larder.storage.BlobKey;
import dev.larder.storage.BlobStore;
import dev.larder.storage.BlobWriter;
import dev.larder.storage.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.util.function.Consumer;

/**
 * One upstream file on its way into the blob store, readable by any number of clients while it arrives
 * (SPEC §6): each reader follows the growing temp file and ends only when the whole file is verified. If the
 * bytes do not hash to the expected sha256, or upstream breaks off, nothing is stored and every reader fails.
 */
final class Download implements Runnable {

    /** Opens the upstream response body; the download closes it. */
    interface Source {
        InputStream open() throws IOException;
    }

    private static final int CHUNK = 64 * 1024;

    private final Source source;
    private final BlobWriter writer;
    private final BlobKey expected;
    private final Consumer<StoredBlob> onStored;
    private final Runnable onDone;
    private final Object progress = new Object();
    private long written;
    private boolean finished;
    private IOException failure;
    private StoredBlob stored;

    Download(Source source, BlobStore store, BlobKey expected, Consumer<StoredBlob> onStored, Runnable onDone)
            throws IOException {
        this.source = source;
        this.writer = store.writer();
        this.expected = expected;
        this.onStored = onStored;
        this.onDone = onDone;
    }

    @Override
    public void run() {
        try (InputStream in = source.open()) {
            OutputStream out = writer.output();
            byte[] buffer = new byte[CHUNK];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush(); // readers may only see what reached the file
                synchronized (progress) {
                    written += n;
                    progress.notifyAll();
                }
            }
            StoredBlob blob = expected == null ? writer.commit() : writer.commit(expected);
            onStored.accept(blob);
            finish(blob, null);
        } catch (BlobDigestMismatchException e) {
            finish(null, new IOException("Upstream sent bytes that do not match their sha256 ("
                    + e.getMessage() + "); nothing was stored"));
        } catch (IOException | RuntimeException e) {
            finish(null, e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        } finally {
            try {
                writer.close();
            } catch (IOException ignored) {
                // the temp file is gone with the failed write, or was published
            }
            onDone.run();
        }
    }

    private void finish(StoredBlob blob, IOException error) {
        synchronized (progress) {
            stored = blob;
            failure = error;
            finished = true;
            progress.notifyAll();
        }
    }

    /** Waits for the end of the download: the stored blob, or the failure. */
    StoredBlob await() throws IOException {
        synchronized (progress) {
            while (!finished) {
                try {
                    progress.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for an upstream download");
                }
            }
            if (failure != null) {
                throw failure;
            }
            return stored;
        }
    }

    /** A stream of the file from its first byte, as fast as it arrives; it fails if the download fails. */
    InputStream reader(BlobStore store) throws IOException {
        synchronized (progress) {
            if (!finished) {
                try {
                    return new Follower(writer.openWritten());
                } catch (NoSuchFileException e) {
                    // published (or discarded) between our look and now: fall through to the finished case
                }
            }
        }
        StoredBlob blob = await();
        return store.find(blob.key()).orElseThrow(() -> new IOException("Blob " + blob.key()
                + " was evicted the moment it arrived; ask again")).open();
    }

    private final class Follower extends InputStream {
        private final SeekableByteChannel channel;
        private long position;

        Follower(SeekableByteChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            long available;
            synchronized (progress) {
                while (position >= written && !finished) {
                    try {
                        progress.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while following an upstream download");
                    }
                }
                if (failure != null) {
                    throw new IOException("The upstream transfer failed: " + failure.getMessage(), failure);
                }
                available = written - position;
            }
            if (available <= 0) {
                return -1; // finished, verified, and everything read
            }
            channel.position(position);
            int n = channel.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, available)));
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
