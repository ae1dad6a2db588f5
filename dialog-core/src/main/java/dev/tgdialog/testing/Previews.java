package dev.tgdialog.testing;

import dev.tgdialog.Dialog;
import dev.tgdialog.TimeSource;
import dev.tgdialog.internal.engine.PreviewRender;
import dev.tgdialog.telegram.types.ForceReply;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import dev.tgdialog.telegram.types.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Renders any window of a bot's dialogs outside a conversation, for a preview page: each window starts from its
 * sample data ({@link dev.tgdialog.Window.Builder#sample}) and otherwise from what its widgets show with no state, on
 * a fixed clock, time zone and locale, so the same code always renders the same way. Calls a render makes go to a
 * {@link FakeTelegram}; nothing is sent or kept. Not thread-safe: render one window at a time.
 */
public final class Previews {
    private final PreviewRender render;

    private Previews(PreviewRender render) {
        this.render = render;
    }

    /**
     * Previews of these dialogs (a bot's: {@code DialogBot.dialogs()}) rendered at {@code now}, with clocks in
     * {@code zone}, for a user whose app language is {@code locale}.
     */
    public static Previews of(List<Dialog> dialogs, Instant now, ZoneId zone, Locale locale) {
        TimeSource time = new Fixed(Objects.requireNonNull(now, "now"), Objects.requireNonNull(zone, "zone"));
        User user = User.builder(1, false, "Preview")
                .languageCode(locale.toLanguageTag())
                .build();
        return new Previews(new PreviewRender(new FakeTelegram(time).client(time), time, dialogs, user));
    }

    /**
     * The window {@code windowId} of {@code dialog} as the preview's user would see it.
     *
     * @throws IllegalArgumentException when the dialog is not among the previewed ones or has no such window
     * @throws Exception what the window's render threw (it needs data its samples do not give, say)
     */
    public WindowRender render(Dialog dialog, String windowId) throws Exception {
        PreviewRender.Result r = render.render(dialog, windowId);
        List<List<dev.tgdialog.telegram.types.InlineKeyboardButton>> inline = List.of();
        List<List<dev.tgdialog.telegram.types.KeyboardButton>> reply = List.of();
        boolean forceReply = false;
        if (r.markup() instanceof InlineKeyboardMarkup k) {
            inline = k.inlineKeyboard();
        } else if (r.markup() instanceof ReplyKeyboardMarkup k) {
            reply = k.keyboard();
        } else if (r.markup() instanceof ForceReply) {
            forceReply = true;
        }
        return new WindowRender(r.text(), r.parseMode(), r.kind(), r.media(), r.album(), inline, reply, forceReply);
    }

    /** A clock stopped at one instant, in one zone: a preview never waits. */
    private record Fixed(Instant now, ZoneId zone) implements TimeSource {
        @Override
        public void sleep(Duration duration) {}

        @Override
        public CompletableFuture<Void> delay(Duration duration) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Clock clock() {
            return Clock.fixed(now, zone);
        }
    }
}
