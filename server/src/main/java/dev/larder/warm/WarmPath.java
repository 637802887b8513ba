package dev.larder.warm;

import dev.larder.index.Index;
import dev.larder.index.IndexConfig;
import dev.larder.index.IndexName;
import dev.larder.index.IndexType;
import dev.larder.index.Indexes;
import dev.larder.packaging.ProjectName;
import dev.larder.platform.HttpDates;
import dev.larder.platform.PlusSignPaths;
import dev.larder.platform.Sha256;
import dev.larder.resolve.MergedFile;
import dev.larder.resolve.MergedProjects;
import dev.larder.resolve.ShownFile;
import dev.larder.simple.AcceptNegotiation;
import dev.larder.simple.SimpleApi;
import dev.larder.simple.SimpleFormat;
import dev.larder.storage.BlobKey;
import dev.larder.storage.BlobStore;
import dev.larder.upstream.MirrorRoots;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultHttpContent;
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
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warm path: what a package index answers all day (project pages, files, a mirror's project list), answered on
 * Netty's event loop from memory, pages from their cached bytes and files with {@code sendfile} (Micronaut 4.10
 * never uses it: shared/STACK.md §5). It answers only anonymous GET and HEAD requests, without Range, on publicly
 * readable indexes, when every answer is already in memory, with the same headers and rules as the controllers.
 * Everything else, and any request while the connection has one in Micronaut's hands (to keep answers in order),
 * goes on to the controllers, which stay the reference.
 */
@Singleton
final class WarmPath implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Pattern FILE_PATH = Pattern.compile("^/([^/]+)/([^/]+)/\\+f/([0-9a-f]{64})/([^/]+)$");
    private static final Pattern PAGE_PATH = Pattern.compile("^/([^/]+)/([^/]+)/\\+simple/([^/]+)/$");
    private static final Pattern ROOT_PATH = Pattern.compile("^/([^/]+)/([^/]+)/\\+simple/$");
    private static final String IMMUTABLE = "public, max-age=365000000, immutable";
    /** Blobs up to this size (every METADATA file) are answered from memory: open, stat and close cost more than the bytes. */
    private static final int SMALL_BLOB = 64 * 1024;

    private final Indexes indexes;
    private final MergedProjects merged;
    private final BlobStore blobs;
    private final SimpleApi simple;
    private final MirrorRoots roots;
    private final String pageCaching;
    // Keyed by sha256, so an entry can never go stale; a removed file stops being served because its merged page
    // no longer lists it.
    private final Cache<String, byte[]> smallBlobs = Caffeine.newBuilder()
            .maximumWeight(16L * 1024 * 1024)
            .<String, byte[]>weigher((sha256, bytes) -> bytes.length)
            .build();

    WarmPath(Indexes indexes, MergedProjects merged, BlobStore blobs, SimpleApi simple, MirrorRoots roots,
             @Value("${larder.simple.max-age}") long maxAgeSeconds) {
        this.indexes = indexes;
        this.merged = merged;
        this.blobs = blobs;
        this.simple = simple;
        this.roots = roots;
        this.pageCaching = "public, max-age=" + maxAgeSeconds;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(this, null));
        return event.getBean();
    }

    /**
     * What to send: a file's bytes ({@code file}) or a page's ({@code body}), with its headers.
     *
     * @param vary true for negotiated answers (pages), which then say {@code Vary: Accept}
     */
    private record Served(Path file, byte[] body, String etag, String contentType, String lastModified,
                          String caching, boolean vary) {}

    Optional<Served> find(HttpRequest request) {
        if ((request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD)
                || request.headers().contains(HttpHeaderNames.RANGE)
                || request.headers().contains(HttpHeaderNames.AUTHORIZATION)) {
            return Optional.empty();
        }
        QueryStringDecoder uri = new QueryStringDecoder(PlusSignPaths.rewrite(request.uri()));
        String path = uri.rawPath();
        Matcher file = FILE_PATH.matcher(path);
        if (file.matches()) {
            return publicIndex(file.group(1), file.group(2)).flatMap(index -> file(index, file.group(3), file.group(4)));
        }
        Matcher page = PAGE_PATH.matcher(path);
        if (page.matches()) {
            return publicIndex(page.group(1), page.group(2)).flatMap(index -> page(index, page.group(3), request, uri));
        }
        Matcher root = ROOT_PATH.matcher(path);
        if (root.matches()) {
            return publicIndex(root.group(1), root.group(2)).flatMap(index -> mirrorRoot(index, request, uri));
        }
        return Optional.empty();
    }

    private Optional<Index> publicIndex(String user, String name) {
        try {
            return indexes.cached(IndexName.parse(user + "/" + name))
                    .filter(index -> index.config().aclRead().contains(IndexConfig.ANONYMOUS));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static SimpleFormat format(HttpRequest request, QueryStringDecoder uri) {
        var format = uri.parameters().get("format");
        return AcceptNegotiation.choose(request.headers().get(HttpHeaderNames.ACCEPT),
                format == null || format.isEmpty() ? null : format.get(0));
    }

    /** A project page whose rendering for this form is cached and current. */
    private Optional<Served> page(Index index, String project, HttpRequest request, QueryStringDecoder uri) {
        if (!ProjectName.isNormalized(project)) {
            return Optional.empty(); // a redirect: the controller's job
        }
        SimpleFormat format = format(request, uri);
        return simple.cachedRenderedProject(index, new ProjectName(project), format)
                .filter(page -> !page.stale()) // stale pages carry extra headers: the controller's job
                .map(page -> new Served(null, page.body(), page.etag(), format.contentType(), null, pageCaching, true));
    }

    /** A mirror's project list, from its ready-made file. */
    private Optional<Served> mirrorRoot(Index index, HttpRequest request, QueryStringDecoder uri) {
        if (index.type() != IndexType.MIRROR) {
            return Optional.empty();
        }
        SimpleFormat format = format(request, uri);
        return roots.root(index, format.isJson()).map(root -> new Served(root.path(), null,
                "\"" + root.etag() + "\"", format.contentType(), null, pageCaching, true));
    }

    /** A file of a stage that the cached merged page of the index lists. */
    private Optional<Served> file(Index index, String key, String encodedFilename) {
        // Decoded as a path segment: "+" stays "+" (a local version), "%2B" becomes "+".
        String filename = QueryStringDecoder.decodeComponent(encodedFilename.replace("+", "%2B"));
        Optional<ShownFile> shown = merged.cachedShown(index, key, filename);
        if (shown.isEmpty() || shown.get().file().from().type() != IndexType.STAGE
                || (shown.get().metadata() && !shown.get().file().coreMetadata())) {
            return Optional.empty();
        }
        MergedFile file = shown.get().file();
        String sha256 = shown.get().sha256();
        String lastModified = file.uploadTime() == null ? null
                : HttpDates.format(file.uploadTime());
        String contentType = shown.get().metadata() ? "text/plain; charset=utf-8" : "application/octet-stream";
        String etag = "\"" + sha256 + "\"";
        byte[] small = smallBlobs.getIfPresent(sha256);
        if (small != null) {
            return Optional.of(new Served(null, small, etag, contentType, lastModified, IMMUTABLE, false));
        }
        Optional<Path> local = blobs.localFile(new BlobKey(sha256));
        if (local.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (Files.size(local.get()) <= SMALL_BLOB) {
                byte[] bytes = Files.readAllBytes(local.get());
                if (!Sha256.hex(bytes).equals(sha256)) {
                    return Optional.empty(); // damaged on disk: never kept in memory, left to the controllers
                }
                smallBlobs.put(sha256, bytes);
                return Optional.of(new Served(null, bytes, etag, contentType, lastModified, IMMUTABLE, false));
            }
        } catch (IOException e) {
            return Optional.empty(); // the controllers answer, with an error that says what is wrong
        }
        return Optional.of(new Served(local.get(), null, etag, contentType, lastModified, IMMUTABLE, false));
    }

    private record Customizer(WarmPath files, Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(files, channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && files != null) {
                channel.pipeline().addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND,
                        "larder-warm-path", files.new Handler());
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
                    .set(HttpHeaderNames.CACHE_CONTROL, served.caching());
            if (served.vary()) {
                response.headers().set(HttpHeaderNames.VARY, "Accept");
            } else {
                response.headers().set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
            }
            HttpUtil.setKeepAlive(response, keepAlive);
            if (notModified) {
                HttpUtil.setContentLength(response, 0);
                context.write(response);
                finish(context, keepAlive);
                return;
            }
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, served.contentType());
            if (served.lastModified() != null) {
                response.headers().set(HttpHeaderNames.LAST_MODIFIED, served.lastModified());
            }
            if (served.body() != null) {
                HttpUtil.setContentLength(response, served.body().length);
                context.write(response);
                if (!head) {
                    context.write(new DefaultHttpContent(Unpooled.wrappedBuffer(served.body())));
                }
                finish(context, keepAlive);
                return;
            }
            FileChannel file = FileChannel.open(served.file(), StandardOpenOption.READ);
            long size = file.size();
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
