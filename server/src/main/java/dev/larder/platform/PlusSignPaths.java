package dev.larder.platform;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/**
 * pip percent-encodes "+" in the links it follows ({@code /team/dev/%2Bf/...}) and a client may send
 * {@code %2Bsimple}; SPEC §5 wants every route to answer both spellings. Micronaut routes on the raw path, so
 * this rewrites a path segment that starts with {@code %2B} to start with {@code +} before routing. Only the
 * start of a segment: project names and filenames never start with "+", while a filename may contain an encoded
 * "+" (a local version) that must stay encoded.
 */
@Singleton
public final class PlusSignPaths implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Pattern ENCODED_PLUS_SEGMENT = Pattern.compile("/%2[Bb]");
    private static final ChannelHandler REWRITER = new Rewriter();

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    public static String rewrite(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (!path.contains("%2")) {
            return uri;
        }
        String rewritten = ENCODED_PLUS_SEGMENT.matcher(path).replaceAll("/+");
        return query < 0 ? rewritten : rewritten + uri.substring(query);
    }

    private record Customizer(Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null) {
                channel.pipeline().addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND,
                        "larder-plus-sign-paths", REWRITER);
            }
        }
    }

    @ChannelHandler.Sharable
    private static final class Rewriter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request) {
                request.setUri(rewrite(request.uri()));
            }
            context.fireChannelRead(message);
        }
    }
}
