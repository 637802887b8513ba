package dev.larder.files;

import dev.larder.index.Index;
import dev.larder.index.IndexConfig;
import dev.larder.index.IndexName;
import dev.larder.index.IndexType;
import dev.larder.index.Indexes;
import dev.larder.platform.PlusSignPaths;
import dev.larder.resolve.MergedFile;
import dev.larder.resolve.MergedProjects;
import dev.larder.storage.BlobKey;
import dev.larder.storage.BlobStore;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hot path of file downloads, on Netty's event loop with {@code sendfile} (Micronaut 4.10 never uses it:
 * shared/STACK.md §5). It answers only what it can answer from memory, with the same rules as
 * {@link FileController}: an anonymous GET or HEAD, without Range, of a file the merged page of a publicly readable
 * index lists (already cached) and whose bytes are a local file. Everything else, and any request while the
 * connection has one in Micronaut's hands (to keep responses in order), goes on to {@link FileController}.
 */
@Singleton
final class ZeroCopyFiles implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Pattern FILE_PATH = Pattern.compile("^/([^/]+)/([^/]+)/\\+f/([0-9a-f]{64})/([^/]+)$");
    private static final String IMMUTABLE = "public, max-age=365000000, immutable";

    private final Indexes indexes;
    private final MergedProjects merged;
    private final BlobStore blobs;

    ZeroCopyFiles(Indexes indexes, MergedProjects merged, BlobStore blobs) {
        this.indexes = indexes;
        this.merged = merged;
        this.blobs = blobs;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(this, null));
        return event.getBean();
    }

    /** What to send for a request, if this path may answer it. */
    private record Served(Path file, String etag, String contentType, String lastModified) {}

    Optional<Served> find(HttpRequest request) {
        if ((request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD)
                || request.headers().contains(HttpHeaderNames.RANGE)
                || request.headers().contains(HttpHeaderNames.AUTHORIZATION)) {
            return Optional.empty();
        }
        String path = new QueryStringDecoder(PlusSignPaths.rewrite(request.uri())).rawPath();
        Matcher m = FILE_PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Index> index;
        try {
            index = indexes.cached(IndexName.parse(m.group(1) + "/" + m.group(2)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (index.isEmpty() || !index.get().config().aclRead().contains(IndexConfig.ANONYMOUS)) {
            return Optional.empty();
        }
        String key = m.group(3);
        // Decoded as a path segment: "+" stays "+" (a local version), "%2B" becomes "+".
        String filename = QueryStringDecoder.decodeComponent(m.group(4).replace("+", "%2B"));
        boolean metadata = false;
        Optional<MergedFile> file = merged.cachedFile(index.get(), key, filename);
        if (file.isEmpty() && filename.endsWith(FileController.METADATA_SUFFIX)) {
            metadata = true;
            file = merged.cachedFile(index.get(), key,
                    filename.substring(0, filename.length() - FileController.METADATA_SUFFIX.length()));
        }
        if (file.isEmpty() || file.get().from().type() != IndexType.STAGE || (metadata && !file.get().coreMetadata())) {
            return Optional.empty();
        }
        String sha256 = metadata ? file.get().coreMetadataSha256() : file.get().sha256();
        String lastModified = file.get().uploadTime() == null ? null
                : DateTimeFormatter.RFC_1123_DATE_TIME.format(file.get().uploadTime().atOffset(ZoneOffset.UTC));
        String contentType = metadata ? "text/plain; charset=utf-8" : "application/octet-stream";
        return blobs.localFile(new BlobKey(sha256))
                .map(local -> new Served(local, "\"" + sha256 + "\"", contentType, lastModified));
    }

    private record Customizer(ZeroCopyFiles files, Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(files, channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && files != null) {
                channel.pipeline().addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND,
                        "larder-zero-copy-files", files.new Handler());
            }
        }
    }

    /** One per connection: it counts requests Micronaut still owes an answer to. */
    private final class Handler extends ChannelDuplexHandler {
        private int inMicronaut;
        private boolean swallowing;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
            if (message instanceof HttpRequest request) {
                Optional<Served> served = inMicronaut == 0 ? find(request) : Optional.empty();
                if (served.isPresent()) {
                    swallowing = !(message instanceof LastHttpContent);
                    boolean keepAlive = HttpUtil.isKeepAlive(request);
                    boolean head = request.method() == HttpMethod.HEAD;
                    String ifNoneMatch = request.headers().get(HttpHeaderNames.IF_NONE_MATCH);
                    ReferenceCountUtil.release(message);
                    send(context, served.get(), keepAlive, head, ifNoneMatch);
                    return;
                }
                inMicronaut++;
            } else if (swallowing && message instanceof HttpContent content) {
                swallowing = !(message instanceof LastHttpContent);
                content.release();
                return;
            }
            context.fireChannelRead(message);
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
            if (message instanceof LastHttpContent && inMicronaut > 0) {
                inMicronaut--;
            }
            context.write(message, promise);
        }

        private void send(ChannelHandlerContext context, Served served, boolean keepAlive, boolean head,
                          String ifNoneMatch) throws IOException {
            boolean notModified = ifNoneMatch != null && (ifNoneMatch.contains(served.etag())
                    || ifNoneMatch.strip().equals("*"));
            DefaultHttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                    notModified ? HttpResponseStatus.NOT_MODIFIED : HttpResponseStatus.OK);
            response.headers().set(HttpHeaderNames.ETAG, served.etag())
                    .set(HttpHeaderNames.CACHE_CONTROL, IMMUTABLE)
                    .set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
            HttpUtil.setKeepAlive(response, keepAlive);
            if (notModified) {
                HttpUtil.setContentLength(response, 0);
                context.write(response);
                finish(context, keepAlive);
                return;
            }
            FileChannel file = FileChannel.open(served.file(), StandardOpenOption.READ);
            long size = file.size();
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, served.contentType());
            if (served.lastModified() != null) {
                response.headers().set(HttpHeaderNames.LAST_MODIFIED, served.lastModified());
            }
            HttpUtil.setContentLength(response, size);
            context.write(response);
            if (head) {
                file.close();
            } else {
                context.write(new DefaultFileRegion(file, 0, size)); // released, and the file closed, once sent
            }
            finish(context, keepAlive);
        }

        private void finish(ChannelHandlerContext context, boolean keepAlive) {
            var sent = context.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            if (!keepAlive) {
                sent.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
