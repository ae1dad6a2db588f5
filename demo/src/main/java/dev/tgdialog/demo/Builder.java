package dev.tgdialog.demo;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.KeyboardKind;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.auth.InitDataValidator;
import dev.tgdialog.webapp.MiniAppServer;
import dev.tgdialog.widgets.RequestButtons;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The pizza builder, a Mini App behind {@code /builder}: a reply-keyboard button opens the page, which sends the
 * pizza back as JSON ({@code web_app_data}), read into a {@link Pizza}. {@link #backend} serves the page (from the
 * {@code miniapp} folder of the demo's resources) and a menu endpoint only Telegram's users reach.
 */
final class Builder {
    private Builder() {}

    /** What the page sends back. */
    record Pizza(String size, List<String> toppings) {}

    enum Screen implements WindowId {
        BUILD
    }

    static final Key<String> BUILT = Key.of("built", String.class);

    /** Where Telegram opens the page: {@code MINIAPP_URL}, an https URL serving {@link #backend}'s files. */
    static String url() {
        String url = System.getenv("MINIAPP_URL");
        return url == null || url.isBlank() ? "https://pizza.example/builder/" : url.strip();
    }

    static final Dialog DIALOG = Dialog.builder("builder")
            .window(
                    Screen.BUILD,
                    w -> w.text(ctx -> ctx.get(BUILT) == null
                                    ? "Open the builder below, and send me your pizza."
                                    : "Your pizza: " + ctx.get(BUILT))
                            .keyboardKind(KeyboardKind.REPLY)
                            .add(RequestButtons.webApp(
                                    "builder",
                                    "Build a pizza",
                                    url(),
                                    Pizza.class,
                                    "That pizza did not arrive whole; please build it again.",
                                    (ctx, pizza) -> Transition.stay().with(BUILT, describe(pizza)))))
            .build();

    private static String describe(Pizza pizza) {
        String size = Objects.requireNonNullElse(pizza.size(), "M");
        List<String> toppings = pizza.toppings() == null ? List.of() : pizza.toppings();
        return size + (toppings.isEmpty() ? ", plain" : " with " + String.join(" and ", toppings));
    }

    /**
     * The page's backend: its files, and {@code POST /api/menu} answering the verified user with the sizes on offer.
     * Put it behind HTTPS at {@code MINIAPP_URL}.
     */
    static MiniAppServer backend(InitDataValidator validator) {
        return backend(validator, new java.net.InetSocketAddress("127.0.0.1", 0));
    }

    /** {@link #backend(InitDataValidator)} listening on {@code address}. */
    static MiniAppServer backend(InitDataValidator validator, java.net.InetSocketAddress address) {
        return MiniAppServer.builder(validator)
                .address(address)
                .staticFiles(folder())
                .endpoint(
                        "/api/menu",
                        (caller, body) -> "{\"for\":\""
                                + caller.user().firstName().replace("\"", "") + "\",\"sizes\":[\"S\",\"M\",\"L\"]}")
                .build();
    }

    /** The {@code miniapp} folder of the demo's resources, as a folder on disk. */
    static Path folder() {
        try {
            return Path.of(Objects.requireNonNull(
                                    Builder.class.getClassLoader().getResource("miniapp/index.html"),
                                    "the demo's miniapp resources are missing")
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
