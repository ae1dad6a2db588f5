package dev.tgdialog;

import dev.tgdialog.spi.InputWidget;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.MediaWidget;
import dev.tgdialog.spi.TextWidget;
import dev.tgdialog.spi.Widget;
import dev.tgdialog.telegram.types.LinkPreviewOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One state of a dialog as the user sees it: texts, a keyboard, inputs, media and the getters that load what they
 * show. Built inside {@link Dialog.Builder#window}; immutable and thread-safe.
 */
public final class Window {
    private static final Pattern WIDGET_ID = Pattern.compile("[A-Za-z0-9_-]{1," + Widget.MAX_ID_LENGTH + "}");
    /** A <code>{name}</code> as {@link dev.tgdialog.spi.RenderContext#format} fills it, found in a constant text: the author meant a template. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z0-9_.-]+}");

    private final String id;
    final List<TextWidget> texts;
    final List<KeyboardWidget> keyboard;
    final List<InputWidget> inputs;
    final @Nullable MediaWidget media;
    final dev.tgdialog.spi.@Nullable AlbumWidget album;
    final dev.tgdialog.payments.@Nullable Invoice invoice;
    final dev.tgdialog.games.@Nullable Game game;
    final dev.tgdialog.polls.@Nullable PollStep poll;
    final List<Getter> getters;
    final @Nullable String parseMode;
    final @Nullable LinkPreviewOptions linkPreview;
    final KeyboardKind keyboardKind;
    /** Dialog data a preview renders this window with ({@link Builder#sample}); the engine never reads it. */
    final List<Transition.Change<?>> samples;
    /** The dialog's start input a preview renders this window with ({@link Builder#sampleInput}), or null. */
    final @Nullable Object sampleInput;

    private final Map<String, Widget> widgets;

    private Window(Builder b, String dialogId) {
        this.id = b.id;
        this.texts = List.copyOf(b.texts);
        this.keyboard = List.copyOf(b.keyboard);
        this.inputs = List.copyOf(b.inputs);
        this.media = b.media;
        this.album = b.album;
        this.invoice = b.invoice;
        this.game = b.game;
        this.poll = b.poll;
        this.getters = List.copyOf(b.getters);
        this.parseMode = b.parseMode;
        this.linkPreview = b.linkPreview;
        this.keyboardKind = b.keyboardKind;
        this.samples = List.copyOf(b.samples);
        this.sampleInput = b.sampleInput;
        Map<String, Widget> byId = new LinkedHashMap<>();
        for (KeyboardWidget widget : keyboard) {
            collect(widget, byId, dialogId, null);
        }
        for (InputWidget widget : inputs) {
            collect(widget, byId, dialogId, null);
        }
        this.widgets = Map.copyOf(byId);
    }

    /**
     * Registers a widget and the widgets nested in it by id. A widget inside a hidden-when-false layout is
     * registered wrapped in the same condition, so a click cannot reach it while the layout is hidden.
     */
    private void collect(
            Widget widget,
            Map<String, Widget> byId,
            String dialogId,
            java.util.function.@Nullable Predicate<dev.tgdialog.DialogContext> condition) {
        if (condition != null
                && widget instanceof KeyboardWidget k
                && !(widget instanceof KeyboardWidget.Conditional)) {
            widget = new KeyboardWidget.Conditional(k, condition);
        }
        String wid = widget.id();
        if (!wid.isEmpty()) {
            if (!WIDGET_ID.matcher(wid).matches()) {
                throw new IllegalArgumentException("dialog " + dialogId + ", window " + id + ": widget id \"" + wid
                        + "\" must be 1-" + Widget.MAX_ID_LENGTH + " of A-Z a-z 0-9 _ -");
            }
            Widget before = byId.putIfAbsent(wid, widget);
            if (before != null && before != widget) {
                throw new IllegalArgumentException("dialog " + dialogId + ", window " + id
                        + ": two widgets have the id \"" + wid + "\"; give one of them another id");
            }
        }
        if (widget instanceof KeyboardWidget.Conditional c) {
            var both = condition == null ? c.condition() : condition.and(c.condition());
            for (Widget child : c.widget().children()) {
                collect(child, byId, dialogId, both);
            }
        } else if (widget instanceof KeyboardWidget k) {
            for (Widget child : k.children()) {
                collect(child, byId, dialogId, condition);
            }
        }
    }

    /** The window's id (its {@link WindowId}'s name). */
    public String id() {
        return id;
    }

    /** The widget with this id, nested ones included, or null. */
    @Nullable
    Widget widget(String widgetId) {
        return widgets.get(widgetId);
    }

    /** Builds a window; used through {@link Dialog.Builder#window}. */
    public static final class Builder {
        private final String id;
        private final List<TextWidget> texts = new ArrayList<>();
        private final List<String> constants = new ArrayList<>();
        private final List<KeyboardWidget> keyboard = new ArrayList<>();
        private final List<InputWidget> inputs = new ArrayList<>();
        private @Nullable MediaWidget media;
        private dev.tgdialog.spi.@Nullable AlbumWidget album;
        private dev.tgdialog.payments.@Nullable Invoice invoice;
        private dev.tgdialog.games.@Nullable Game game;
        private dev.tgdialog.polls.@Nullable PollStep poll;
        private final List<Getter> getters = new ArrayList<>();
        private @Nullable String parseMode;
        private @Nullable LinkPreviewOptions linkPreview;
        private KeyboardKind keyboardKind = KeyboardKind.INLINE;
        private final List<Transition.Change<?>> samples = new ArrayList<>();
        private @Nullable Object sampleInput;

        Builder(String id) {
            this.id = id;
        }

        /**
         * Adds a line of constant text, shown as it is. A <code>{name}</code> in it fails the build, since only
         * {@link #format} fills placeholders; for literal braces use {@code text(ctx -> "{name}")}.
         */
        public Builder text(String text) {
            constants.add(Objects.requireNonNull(text, "text"));
            texts.add(ctx -> text);
            return this;
        }

        /**
         * Adds a line whose <code>{name}</code> placeholders are filled with the values of those keys (a getter's or
         * the dialog's data), escaped for the parse mode: {@link dev.tgdialog.spi.RenderContext#format}.
         */
        public Builder format(String template) {
            texts.add(ctx -> ctx.format(template));
            return this;
        }

        /** Adds a rendered text: a lambda of the context, whose markup is its own to escape ({@link RichText#escape}). */
        public Builder text(TextWidget text) {
            texts.add(Objects.requireNonNull(text, "text"));
            return this;
        }

        /**
         * Adds a {@link RichText} made for each render and written in the window's parse mode, every part escaped.
         * The window needs a {@link #parseMode}: without one, its render fails, naming the window.
         */
        public Builder rich(java.util.function.Function<DialogContext, RichText> text) {
            Objects.requireNonNull(text, "text");
            texts.add(ctx -> {
                String parseMode = ctx.parseMode();
                if (parseMode == null) {
                    throw new IllegalStateException("dialog " + ctx.dialogId() + ", window " + ctx.windowId()
                            + " shows a rich text but has no parse mode; give it parseMode(\"HTML\")");
                }
                return text.apply(ctx).in(parseMode);
            });
            return this;
        }

        /** Adds a widget: its buttons go under the text, and if it takes input, it takes messages. */
        public Builder add(Widget widget) {
            Objects.requireNonNull(widget, "widget");
            boolean used = false;
            if (widget instanceof KeyboardWidget k) {
                keyboard.add(k);
                used = true;
            }
            if (widget instanceof InputWidget i) {
                inputs.add(i);
                used = true;
            }
            if (!used) {
                throw new IllegalArgumentException("window " + id + ": "
                        + widget.getClass().getName() + " is neither a keyboard widget nor an input widget");
            }
            return this;
        }

        /** Shows media above the text, which becomes its caption. */
        public Builder media(MediaWidget media) {
            this.media = Objects.requireNonNull(media, "media");
            return this;
        }

        /**
         * Shows an album (2 to 10 photos and videos, documents or audio files) above the window's text and buttons,
         * which come in a message of their own under it, since an album carries no buttons. The window is replaced as
         * one unit: while the album stays the same, a new render edits the message under it; a changed album, or a
         * window that moves on, deletes all of its messages and sends anew (Telegram cannot change how many items an
         * album has). The window needs a text.
         */
        public Builder album(dev.tgdialog.spi.AlbumWidget album) {
            this.album = Objects.requireNonNull(album, "album");
            return this;
        }

        /**
         * Shows the window as an invoice: its message is the invoice (title, description, price), with a Pay button
         * first and the window's own buttons after it; the window's texts are not shown. Checked when the window is
         * built, with an error naming it.
         */
        public Builder invoice(dev.tgdialog.payments.Invoice invoice) {
            this.invoice = Objects.requireNonNull(invoice, "invoice");
            return this;
        }

        /**
         * Sends the window as a game: its message is the game (as set up at BotFather), with a Play button first and
         * the window's own buttons after it; the window's texts are not shown. A Play click is answered once, with the
         * URL the game's {@code onPlay} gives.
         */
        public Builder game(dev.tgdialog.games.Game game) {
            this.game = Objects.requireNonNull(game, "game");
            return this;
        }

        /**
         * Sends the window as a poll or a quiz (not anonymous), with the window's buttons under it; the window's texts
         * are not shown. The user's answer comes to the step's {@code onAnswer}. Checked when the window is built.
         */
        public Builder poll(dev.tgdialog.polls.PollStep poll) {
            this.poll = Objects.requireNonNull(poll, "poll");
            return this;
        }

        /**
         * Sets {@code key} to {@code value} in the dialog's data when a preview renders this window (the data an
         * earlier step would have left); ignored by the bot itself. Typed like {@link Transition.Move#with}.
         */
        public <T> Builder sample(Key<T> key, T value) {
            samples.add(new Transition.Change<>(key, Objects.requireNonNull(value, "value")));
            return this;
        }

        /** Gives a preview of this window this start input ({@link DialogContext#input}); ignored by the bot itself. */
        public Builder sampleInput(Object input) {
            this.sampleInput = Objects.requireNonNull(input, "input");
            return this;
        }

        /** Loads values before each render. */
        public Builder getter(Getter getter) {
            getters.add(Objects.requireNonNull(getter, "getter"));
            return this;
        }

        /** Parses the text as {@code HTML} or {@code MarkdownV2}. */
        public Builder parseMode(String parseMode) {
            this.parseMode = Objects.requireNonNull(parseMode, "parseMode");
            return this;
        }

        /** Shows no preview for links in the text. */
        public Builder disableLinkPreview() {
            this.linkPreview = LinkPreviewOptions.builder().isDisabled(true).build();
            return this;
        }

        /** How links in the text are previewed. */
        public Builder linkPreview(LinkPreviewOptions options) {
            this.linkPreview = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Shows the buttons as a reply keyboard, or asks for a reply; inline buttons by default. */
        public Builder keyboardKind(KeyboardKind kind) {
            this.keyboardKind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        Window build(String dialogId) {
            if (invoice != null) {
                invoice.check("dialog " + dialogId + ", window " + id);
                if (invoice.subscription() != null) {
                    throw new IllegalArgumentException("dialog " + dialogId + ", window " + id
                            + ": a subscription is sold by an invoice link (DialogContext.invoiceLink), not a window");
                }
                if (media != null || keyboardKind != KeyboardKind.INLINE) {
                    throw new IllegalArgumentException("dialog " + dialogId + ", window " + id
                            + ": an invoice window shows no media and only inline buttons");
                }
            }
            if (game != null && (invoice != null || media != null || keyboardKind != KeyboardKind.INLINE)) {
                throw new IllegalArgumentException("dialog " + dialogId + ", window " + id
                        + ": a game window shows no invoice, no media and only inline buttons");
            }
            if (poll != null) {
                poll.check("dialog " + dialogId + ", window " + id);
                if (game != null || invoice != null || media != null || keyboardKind != KeyboardKind.INLINE) {
                    throw new IllegalArgumentException("dialog " + dialogId + ", window " + id
                            + ": a poll window shows no game, invoice or media, and only inline buttons");
                }
            }
            if (album != null && (media != null || invoice != null || game != null || poll != null)) {
                throw new IllegalArgumentException("dialog " + dialogId + ", window " + id
                        + ": an album window shows no other media, invoice, game or poll");
            }
            if (album != null && texts.isEmpty()) {
                throw new IllegalArgumentException("dialog " + dialogId + ", window " + id
                        + " shows an album and has no text for the message under it, which carries its buttons");
            }
            if (texts.isEmpty() && media == null && invoice == null && game == null && poll == null) {
                throw new IllegalArgumentException("dialog " + dialogId + ", window " + id + " has no text");
            }
            for (String constant : constants) {
                Matcher placeholder = PLACEHOLDER.matcher(constant);
                if (placeholder.find()) {
                    throw new IllegalArgumentException(
                            "dialog " + dialogId + ", window " + id + ": the constant text \""
                                    + constant + "\" has a placeholder " + placeholder.group()
                                    + " that text(...) shows as it is; "
                                    + "use format(...) to fill it, or text(ctx -> \"...\") to show the braces");
                }
            }
            if (keyboardKind != KeyboardKind.REPLY
                    && keyboard.stream().anyMatch(k -> k instanceof dev.tgdialog.spi.ReplyKeyboardWidget)) {
                throw new IllegalArgumentException("dialog " + dialogId + ", window " + id + " has reply-keyboard "
                        + "widgets; make it keyboardKind(KeyboardKind.REPLY)");
            }
            return new Window(this, dialogId);
        }
    }
}
