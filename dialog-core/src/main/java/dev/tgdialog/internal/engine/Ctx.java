package dev.tgdialog.internal.engine;

import dev.tgdialog.Getter;
import dev.tgdialog.Key;
import dev.tgdialog.TimeSource;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.ReplyKeyboardWidget;
import dev.tgdialog.spi.Scope;
import dev.tgdialog.spi.TextWidget;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.types.CallbackQuery;
import dev.tgdialog.telegram.types.Chat;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one context implementation: for author handlers, getters, widgets and renders, bound to a session, a frame
 * (none when no dialog is open), a widget id ({@code ""} for none) and, while rendering, the render's values; a
 * scoped one (a list group's item) also to the scope and the context of the widget that owns it.
 */
final class Ctx implements RenderContext, Getter.Values {
    /**
     * What every context of one bot reads beyond its session: the client handlers call Telegram with, the time
     * source of their clock, and the registered dialogs, for the window a frame is at. Immutable.
     */
    record Shared(
            TelegramClient telegram,
            TimeSource time,
            Dialogs dialogs,
            Languages languages,
            UserValues userValues,
            InvoiceLinks invoiceLinks,
            InlineTemplates inlineTemplates) {}

    /** Makes the message an inline result sends a dialog with (the engine). */
    interface InlineTemplates {
        dev.tgdialog.inline.InlineDialogMessage template(
                dev.tgdialog.Dialog dialog, @Nullable Object input, @Nullable User user);
    }

    private final Shared shared;
    final Session session;
    final @Nullable WorkFrame frame;
    private final String widgetId;
    private final @Nullable Render render;
    /** The context {@link #scoped} was called on (the scope's owner), or null outside a scope. */
    private final @Nullable Ctx owner;

    private final @Nullable Scope scope;
    /** Whether this context renders a button's label, which Telegram shows as plain text whatever the parse mode. */
    private final boolean label;

    Ctx(Shared shared, Session session, @Nullable WorkFrame frame, String widgetId, @Nullable Render render) {
        this(shared, session, frame, widgetId, render, null, null, false);
    }

    private Ctx(
            Shared shared,
            Session session,
            @Nullable WorkFrame frame,
            String widgetId,
            @Nullable Render render,
            @Nullable Ctx owner,
            @Nullable Scope scope,
            boolean label) {
        this.shared = shared;
        this.session = session;
        this.frame = frame;
        this.widgetId = widgetId;
        this.render = render;
        this.owner = owner;
        this.scope = scope;
        this.label = label;
    }

    /** A context for another widget of the same frame, render and scope. */
    Ctx forWidget(String id) {
        return new Ctx(shared, session, frame, id, render, owner, scope, label);
    }

    @Override
    public RenderContext scoped(Scope scope, String widgetId) {
        if (this.widgetId.isEmpty()) {
            throw new IllegalStateException(
                    "a widget without an id cannot scope widgets: their clicks come back to it");
        }
        return new Ctx(shared, session, frame, widgetId, render, this, scope, label);
    }

    @Override
    public @Nullable Scope scope() {
        return scope;
    }

    /**
     * Where {@code widget}'s state is stored: a scope member's under its owner's stored id, the scope's key and its
     * own id (so scopes nest); any other widget's where the owner would store it.
     */
    private String stateId(String widget) {
        if (owner == null || scope == null) {
            return widget;
        }
        return scope.widgetIds().contains(widget)
                ? owner.stateId(owner.widgetId) + Scope.SEPARATOR + scope.key() + Scope.SEPARATOR + widget
                : owner.stateId(widget);
    }

    @Override
    public Update update() {
        return session.update;
    }

    @Override
    public @Nullable User user() {
        return session.user;
    }

    @Override
    public dev.tgdialog.inline.InlineDialogMessage inlineDialog(dev.tgdialog.Dialog dialog, @Nullable Object input) {
        return shared.inlineTemplates().template(dialog, input, session.user);
    }

    @Override
    public String invoiceLink(dev.tgdialog.payments.Invoice invoice, String payload) {
        return shared.invoiceLinks().create(this, invoice, payload);
    }

    @Override
    public void refundStars(String telegramPaymentChargeId) {
        long userId = userId();
        if (userId == 0) {
            throw new IllegalStateException("no user to refund: the update came from no user");
        }
        shared.telegram().execute(new dev.tgdialog.telegram.methods.RefundStarPayment(userId, telegramPaymentChargeId));
    }

    @Override
    public void send(String text) {
        session.messages.add(Objects.requireNonNull(text, "text"));
    }

    @Override
    public Optional<Locale> language() {
        return shared.languages().of(session);
    }

    @Override
    public void pickLanguage(@Nullable Locale language) {
        shared.languages().pick(session, language);
    }

    @Override
    public <T> Optional<T> userValue(Key<T> key) {
        return shared.userValues().get(userId(), key);
    }

    @Override
    public <T> void saveUserValue(Key<T> key, @Nullable T value) {
        shared.userValues().save(userId(), key, value);
    }

    @Override
    public @Nullable Chat chat() {
        Update u = session.update;
        if (u.message() != null) {
            return u.message().chat();
        }
        if (u.callbackQuery() != null && u.callbackQuery().message() != null) {
            return u.callbackQuery().message().chat();
        }
        return null;
    }

    @Override
    public long chatId() {
        return session.chatId;
    }

    @Override
    public long userId() {
        // A background action has no update of the user's, but it was started for one (0 for none).
        return session.user != null ? session.user.id() : session.backgroundUser;
    }

    @Override
    public @Nullable String dialogId() {
        return frame == null ? null : frame.dialogId;
    }

    @Override
    public @Nullable String parentDialogId() {
        int at = frame == null ? -1 : session.frames.indexOf(frame);
        return at > 0 ? session.frames.get(at - 1).dialogId : null;
    }

    @Override
    public @Nullable String windowId() {
        return frame == null ? null : frame.windowId;
    }

    @Override
    public @Nullable String parseMode() {
        return frame == null || label
                ? null
                : Definitions.get().parseMode(shared.dialogs().window(frame));
    }

    @Override
    public <T> @Nullable T get(Key<T> key) {
        if (render != null) {
            render.ensureLoaded();
        }
        if (render != null && render.values.containsKey(key)) {
            @SuppressWarnings("unchecked")
            T value = (T) render.values.get(key);
            return value;
        }
        if (frame == null) {
            return null;
        }
        String json = frame.data(key.name());
        return json == null ? null : DataCodec.decode(json, key.type());
    }

    @Override
    public <T> @Nullable T input(Class<T> type) {
        return frame == null || frame.startInput == null ? null : DataCodec.decode(frame.startInput, type);
    }

    @Override
    public void toast(String text) {
        session.toast = Objects.requireNonNull(text, "text");
        session.alert = false;
    }

    @Override
    public void alert(String text) {
        session.toast = Objects.requireNonNull(text, "text");
        session.alert = true;
    }

    @Override
    public TelegramClient telegram() {
        return shared.telegram();
    }

    @Override
    public Clock clock() {
        return shared.time().clock();
    }

    @Override
    public String widgetId() {
        return widgetId;
    }

    @Override
    public <T> @Nullable T state(Key<T> key) {
        return widgetState(ownId(), key);
    }

    @Override
    public <T> void setState(Key<T> key, @Nullable T value) {
        setWidgetState(ownId(), key, value);
    }

    @Override
    public <T> @Nullable T widgetState(String widget, Key<T> key) {
        if (frame == null) {
            return null;
        }
        String json = frame.widgetState(stateId(widget) + "/" + key.name());
        return json == null ? null : DataCodec.decode(json, key.type());
    }

    @Override
    public <T> void setWidgetState(String widget, Key<T> key, @Nullable T value) {
        if (frame == null) {
            throw new IllegalStateException("no dialog is open, so there is no widget state");
        }
        if (widget.isEmpty()) {
            throw new IllegalArgumentException("a widget without an id keeps no state");
        }
        // State keys repeat across every user's stack: one shared copy of each saves memory in the store.
        String stateKey = (stateId(widget) + "/" + key.name()).intern();
        if (value == null) {
            frame.putWidgetState(stateKey, null);
        } else {
            frame.putWidgetState(stateKey, DataCodec.shared(DataCodec.encode(value, key.type())));
        }
    }

    private String ownId() {
        if (widgetId.isEmpty()) {
            throw new IllegalStateException("a widget without an id keeps no state");
        }
        return widgetId;
    }

    @Override
    public @Nullable CallbackQuery callbackQuery() {
        return session.callback;
    }

    @Override
    public InlineKeyboardButton button(String label, String payload) {
        if (widgetId.isEmpty()) {
            throw new IllegalStateException(
                    "a widget without an id cannot make callback buttons (label \"" + label + "\")");
        }
        if (owner != null && scope != null) {
            return owner.button(label, new Scope.Click(scope.key(), widgetId, payload).encode());
        }
        if (render == null || frame == null) {
            throw new IllegalStateException("buttons are made only while rendering");
        }
        String header =
                CallbackData.header(session.ownerTag, session.callbackStack, frame.id, frame.revision, widgetId);
        String data;
        if (CallbackData.fits(header, payload)) {
            data = header + payload;
        } else {
            String token = CallbackData.SPILL + Base62.encode(render.spill.size());
            render.spill.put(token, payload);
            data = header + token;
        }
        return InlineKeyboardButton.builder(label).callbackData(data).build();
    }

    @Override
    public String label(TextWidget text) throws Exception {
        return text.render(label ? this : new Ctx(shared, session, frame, widgetId, render, owner, scope, true));
    }

    @Override
    public RenderContext forChild(dev.tgdialog.spi.Widget child) {
        return child.id().isEmpty() ? this : forWidget(child.id());
    }

    @Override
    public KeyboardButton replyButton(String label, String payload) {
        InlineKeyboardButton inline = button(label, payload);
        Render current = Objects.requireNonNull(render, "buttons are made only while rendering");
        current.spill.put(Presenter.REPLY_LABEL + label, inline.callbackData());
        return KeyboardButton.of(label);
    }

    @Override
    public List<List<KeyboardButton>> renderReply(ReplyKeyboardWidget child) throws Exception {
        if (render != null) {
            render.ensureLoaded();
        }
        return child.renderReply(child.id().isEmpty() ? this : forWidget(child.id()));
    }

    @Override
    public List<List<InlineKeyboardButton>> render(KeyboardWidget child) throws Exception {
        if (render != null) {
            render.ensureLoaded();
        }
        return child.render(child.id().isEmpty() ? this : forWidget(child.id()));
    }

    @Override
    public @Nullable Object valueOf(String name) {
        if (render != null) {
            render.ensureLoaded();
            for (Map.Entry<Key<?>, Object> e : render.values.entrySet()) {
                if (e.getKey().name().equals(name)) {
                    return e.getValue();
                }
            }
        }
        if (frame == null) {
            return null;
        }
        String json = frame.data(name);
        return json == null ? null : DataCodec.decodeLoose(json);
    }

    @Override
    public <T> void provide(Key<T> key, T value) {
        if (render == null) {
            throw new IllegalStateException("values are provided only by getters, while rendering");
        }
        render.values.put(key, value);
    }
}
