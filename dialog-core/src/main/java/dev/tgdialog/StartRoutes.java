package dev.tgdialog;

import dev.tgdialog.links.DeepLink;
import dev.tgdialog.links.DeepLinkHandler;
import dev.tgdialog.links.InvalidPayloadException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /start} with deep links: a payload whose prefix is a registered {@link DeepLink}'s goes to that link's
 * handler with the decoded value; anything else (no payload, a prefix nobody registered) to the plain
 * {@code /start} handler. A broken or forged payload is answered with the link's refusal and never reaches a handler.
 */
final class StartRoutes implements CommandHandler {
    private static final Logger log = LoggerFactory.getLogger(StartRoutes.class);

    /** A kind of link and its handler, typed together. */
    record Route<T>(DeepLink<T> link, DeepLinkHandler<T> handler) {}

    private final Map<String, Route<?>> routes;
    private final @Nullable CommandHandler plain;

    private StartRoutes(Map<String, Route<?>> routes, @Nullable CommandHandler plain) {
        this.routes = Map.copyOf(routes);
        this.plain = plain;
    }

    /** The bot's commands, with {@code /start} routing these deep links first when there are any. */
    static Map<String, CommandHandler> commands(Map<String, CommandHandler> commands, Map<String, Route<?>> links) {
        if (links.isEmpty()) {
            return Map.copyOf(commands);
        }
        Map<String, CommandHandler> all = new LinkedHashMap<>(commands);
        all.put("start", new StartRoutes(links, commands.get("start")));
        return Map.copyOf(all);
    }

    @Override
    public Transition handle(DialogContext ctx, String args) throws Exception {
        Route<?> route = routes.get(DeepLink.prefixOf(args));
        if (route == null) {
            return plain == null ? Transition.stay() : plain.handle(ctx, args);
        }
        return open(ctx, route, args);
    }

    private static <T> Transition open(DialogContext ctx, Route<T> route, String payload) throws Exception {
        T value;
        try {
            value = route.link().decode(payload);
        } catch (InvalidPayloadException e) {
            if (e.reason() == InvalidPayloadException.Reason.FORGED) {
                log.warn(
                        "A {} deep link of user {} was refused: {}",
                        route.link().prefix(),
                        ctx.userId(),
                        e.getMessage());
            } else {
                log.debug(
                        "A {} deep link of user {} was refused: {}",
                        route.link().prefix(),
                        ctx.userId(),
                        e.getMessage());
            }
            // Its own message: a dialog's reply lines show only with a window, and the user may have none open.
            ctx.send(route.link().refusal());
            return Transition.stay().show(ShowMode.NO_UPDATE);
        }
        return route.handler().handle(ctx, value);
    }
}
