package dev.tgdialog.internal.engine;

import dev.tgdialog.Dialog;
import dev.tgdialog.TimeSource;
import dev.tgdialog.Transition;
import dev.tgdialog.Window;
import dev.tgdialog.spi.Media;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.store.UpdateIsolation;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.types.ReplyMarkup;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renders a window outside any update, for a preview: a one-frame stack at that window, the window's sample data
 * ({@code Window.Builder.sample}) as the dialog's data, no {@code onStart}, and the presenter's own render, so the
 * preview shows what a user would see. Nothing is sent or saved. Not thread-safe: one preview at a time.
 */
public final class PreviewRender {
    private static final Definitions DEFS = Definitions.get();
    private static final long CHAT = 1;

    private final Presenter presenter;
    private final Map<String, Dialog> dialogs;
    private final User user;
    private final StackStore store;

    /**
     * @param telegram a client no render should need (a fake's): a getter that calls Telegram calls it
     * @param time the fixed clock renders read
     * @param dialogs the bot's dialogs
     * @param user the user the preview is rendered for (their {@code language_code} is the preview's locale)
     */
    public PreviewRender(TelegramClient telegram, TimeSource time, List<Dialog> dialogs, User user) {
        Map<String, Dialog> byId = new LinkedHashMap<>();
        dialogs.forEach(d -> byId.put(d.id(), d));
        this.dialogs = Map.copyOf(byId);
        this.user = user;
        this.store = StackStore.inMemory(Duration.ofDays(1));
        Ctx.Shared shared = new Ctx.Shared(
                telegram,
                time,
                new Dialogs(this.dialogs),
                new Languages(store, 0),
                new UserValues(store, 0),
                new InvoiceLinks(telegram),
                (dialog, input, u) -> {
                    throw new IllegalStateException("a preview makes no inline messages");
                });
        Payments payments =
                new Payments(store, 0, telegram, time, Duration.ofSeconds(8), "", dev.tgdialog.events.BotEvents.NONE);
        Outbox outbox = new Outbox(telegram::execute, time, Runnable::run, telegram.retryPolicy(), chat -> {});
        this.presenter = new Presenter(
                shared,
                outbox,
                com.github.benmanes.caffeine.cache.Caffeine.newBuilder().build(),
                new ShownCorrections(UpdateIsolation.inProcess(Runnable::run), store),
                payments);
    }

    /**
     * A window as it renders for the preview's user from its samples.
     *
     * @throws Exception what the render threw (a getter or text that needs data the samples do not give)
     */
    public Result render(Dialog dialog, String windowId) throws Exception {
        Dialog registered = dialogs.get(dialog.id());
        Window window = registered == null ? null : DEFS.window(registered, windowId);
        if (window == null) {
            throw new IllegalArgumentException("no window " + windowId + " of a dialog " + dialog.id());
        }
        StackKey key = new StackKey(0, CHAT, user.id(), 0, "");
        Session s = new Session(Update.of(0), key, Stack.empty(""), user, CHAT, null, "");
        Object input = DEFS.sampleInput(window);
        WorkFrame frame = new WorkFrame(
                s.newFrameId(),
                dialog.id(),
                windowId,
                0,
                input == null ? null : DataCodec.encode(input),
                Map.of(),
                Map.of(),
                Map.of());
        for (Transition.Change<?> change : DEFS.samples(window)) {
            Object value = change.value();
            frame.putData(
                    change.key().name(),
                    value == null ? null : DataCodec.encode(value, change.key().type()));
        }
        s.frames.add(frame);
        Rendered r = presenter.render(s, frame);
        return new Result(
                r.text(),
                r.parseMode(),
                r.kind(),
                r.media(),
                r.album() == null ? List.of() : r.album().given(),
                r.markup(),
                r.replyKeyboard());
    }

    /**
     * A rendered window.
     *
     * @param text the text (an invoice's description, a game's short name, a poll's question for those kinds)
     * @param parseMode the text's parse mode, or null for plain text
     * @param kind {@code text}, a media kind, {@code invoice}, {@code game} or {@code poll}
     * @param media the media shown above the text, or null
     * @param album the album shown above the window's message, or empty
     * @param markup the keyboard, or null for none
     * @param replyKeyboard whether the markup is a reply keyboard (or a force-reply) rather than inline buttons
     */
    public record Result(
            String text,
            @Nullable String parseMode,
            String kind,
            @Nullable Media media,
            List<Media> album,
            @Nullable ReplyMarkup markup,
            boolean replyKeyboard) {}
}
