package dev.dojo.common.negotiation;

import dev.dojo.common.netty.PipelineHook;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.util.SupplierUtil;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Rewrites each request's {@code Accept} ({@link AcceptHeader}) in the connection's pipeline, before Micronaut
 * routes the request by it: after routing, a filter could no longer turn the 406 of an {@code application/*} into
 * an answer. A header lookup per request when there is nothing to rewrite; it replaced a response filter that cost
 * 2–6 µs of CPU per request (docs/performance.md). The subtypes a {@code type/*} range stands for are those the
 * service's routes produce, read from its router once.
 */
@Singleton
public class AcceptNormalizer implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String HANDLER = "dojo-accept";

    private final Supplier<Rewriting> rewriting;

    public AcceptNormalizer(BeanProvider<Router> router) {
        // the router is read at the first connection, once every route is known
        this.rewriting = SupplierUtil.memoized(() -> new Rewriting(new AcceptHeader(produced(router.get()))));
    }

    /** type → the concrete subtypes of it the routes produce, sorted: application → [json, yaml]. */
    static Map<String, List<String>> produced(Router router) {
        return router.uriRoutes().map(UriRouteInfo::getProduces).flatMap(List::stream)
                .filter(type -> !type.getType().equals("*") && !type.getSubtype().equals("*"))
                .collect(Collectors.groupingBy(type -> type.getType().toLowerCase(Locale.ROOT),
                        TreeMap::new, Collectors.mapping(type -> type.getSubtype().toLowerCase(Locale.ROOT),
                                Collectors.collectingAndThen(Collectors.toCollection(TreeSet::new), List::copyOf))));
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(PipelineHook.beforeMicronaut(HANDLER, rewriting));
        return event.getBean();
    }

    /** One per server: it keeps no state of a connection. */
    @ChannelHandler.Sharable
    static final class Rewriting extends ChannelInboundHandlerAdapter {

        private final AcceptHeader accept;

        Rewriting(AcceptHeader accept) {
            this.accept = accept;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                rewrite(request.headers());
            }
            ctx.fireChannelRead(msg);
        }

        private void rewrite(HttpHeaders headers) {
            Iterator<String> values = headers.valueStringIterator(HttpHeaderNames.ACCEPT);
            if (!values.hasNext()) {
                return;
            }
            String value = values.next();
            boolean several = values.hasNext();
            if (several) {
                value = String.join(", ", headers.getAll(HttpHeaderNames.ACCEPT)); // one list (RFC 9110 §5.3)
            }
            String rewritten = accept.rewrite(value);
            if (rewritten != null && rewritten.isEmpty()) {
                headers.remove(HttpHeaderNames.ACCEPT);
            } else if (rewritten != null || several) {
                headers.set(HttpHeaderNames.ACCEPT, rewritten != null ? rewritten : value);
            }
        }
    }
}
