package dev.tgdialog.internal.engine;

import com.github.benmanes.caffeine.cache.Cache;
import dev.tgdialog.Getter;
import dev.tgdialog.KeyboardKind;
import dev.tgdialog.ShowMode;
import dev.tgdialog.Window;
import dev.tgdialog.internal.text.Markup;
import dev.tgdialog.payments.Invoice;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.Media;
import dev.tgdialog.spi.MediaWidget;
import dev.tgdialog.spi.ReplyKeyboardWidget;
import dev.tgdialog.spi.TextWidget;
import dev.tgdialog.store.ShownMessage;
import dev.tgdialog.telegram.BotMethod;
import dev.tgdialog.telegram.ChatId;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.telegram.Limits;
import dev.tgdialog.telegram.TelegramException;
import dev.tgdialog.telegram.methods.DeleteMessage;
import dev.tgdialog.telegram.methods.DeleteMessages;
import dev.tgdialog.telegram.methods.EditMessageMedia;
import dev.tgdialog.telegram.methods.EditMessageReplyMarkup;
import dev.tgdialog.telegram.methods.EditMessageText;
import dev.tgdialog.telegram.methods.SendAnimation;
import dev.tgdialog.telegram.methods.SendAudio;
import dev.tgdialog.telegram.methods.SendDocument;
import dev.tgdialog.telegram.methods.SendGame;
import dev.tgdialog.telegram.methods.SendInvoice;
import dev.tgdialog.telegram.methods.SendMediaGroup;
import dev.tgdialog.telegram.methods.SendMessage;
import dev.tgdialog.telegram.methods.SendPhoto;
import dev.tgdialog.telegram.methods.SendPoll;
import dev.tgdialog.telegram.methods.SendSticker;
import dev.tgdialog.telegram.methods.SendVideo;
import dev.tgdialog.telegram.types.ForceReply;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.InputMedia;
import dev.tgdialog.telegram.types.InputMediaAnimation;
import dev.tgdialog.telegram.types.InputMediaAudio;
import dev.tgdialog.telegram.types.InputMediaDocument;
import dev.tgdialog.telegram.types.InputMediaPhoto;
import dev.tgdialog.telegram.types.InputMediaVideo;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.telegram.types.LabeledPrice;
import dev.tgdialog.telegram.types.LinkPreviewOptions;
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import dev.tgdialog.telegram.types.ReplyKeyboardRemove;
import dev.tgdialog.telegram.types.ReplyMarkup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the top window once and brings it to the chat: edit, send, or delete-and-send, skipping a render
 * identical to what the message shows, and falling back to sending when Telegram refuses an edit.
 */
final class Presenter {
    private static final Definitions DEFS = Definitions.get();
    private static final Logger log = LoggerFactory.getLogger(Presenter.class);
    /** Spill entries that map a reply-keyboard label back to its button's callback data. */
    static final String REPLY_LABEL = "r:";

    private final Ctx.Shared contexts;
    private final Dialogs dialogs;
    /** The calls to chats; a window's messages go out through it, in order behind a flood wait. */
    private final Outbox outbox;
    /** The file_id Telegram gave each uploaded media file, so a static upload travels only once. */
    private final Cache<InputFile, String> uploadedFiles;

    private final ShownCorrections corrections;
    private final Payments payments;

    /**
     * @param contexts what the contexts of renders and getters share, the registered dialogs among it
     * @param corrections fixes a saved stack once a queued send or edit has gone out or failed
     */
    Presenter(
            Ctx.Shared contexts,
            Outbox outbox,
            Cache<InputFile, String> uploadedFiles,
            ShownCorrections corrections,
            Payments payments) {
        this.payments = payments;
        this.contexts = contexts;
        this.dialogs = contexts.dialogs();
        this.outbox = outbox;
        this.uploadedFiles = uploadedFiles;
        this.corrections = corrections;
    }

    void present(Session s, ShowMode mode) throws Exception {
        sendMessages(s);
        if (mode == ShowMode.NO_UPDATE) {
            return;
        }
        WorkFrame top = s.top();
        if (s.inlineMessageId != null) {
            presentInline(s, s.inlineMessageId, top);
            return;
        }
        if (top == null) {
            if (s.farewell != null && s.lastMessage != null) {
                String farewell = Limits.cut(
                        s.replies.isEmpty() ? s.farewell : replyLines(s, null) + "\n" + s.farewell,
                        null,
                        Limits.MESSAGE_TEXT);
                show(
                        s,
                        new Rendered(
                                farewell,
                                null,
                                null,
                                null,
                                null,
                                false,
                                hash(farewell, null, null, null),
                                null,
                                null,
                                null,
                                null),
                        mode == ShowMode.AUTO ? ShowMode.EDIT : mode);
            } else if (s.lastMessage != null && !s.lastMessage.renderHash().equals(CLOSED)) {
                if (showsReplyKeyboard(s.lastMessage)) {
                    removeReplyKeyboard(s, s.lastMessage);
                } else {
                    removeKeyboard(s, s.lastMessage);
                }
            }
            return;
        }
        show(s, render(s, top), mode);
    }

    /** The transitions' one-time reply lines, escaped for the parse mode, one a line; "" when none. */
    private static String replyLines(Session s, @Nullable String parseMode) {
        StringBuilder lines = new StringBuilder();
        for (String line : s.replies) {
            lines.append(lines.length() > 0 ? "\n" : "").append(Markup.escape(line, parseMode));
        }
        return lines.toString();
    }

    /** Kinds of message that no edit can make, or turn into another message: a window that moves off one sends anew. */
    private static final java.util.Set<String> UNEDITABLE = java.util.Set.of("invoice", "game", "poll", "sticker");

    /** Kinds whose buttons are part of the message (Pay, Play, the poll's own), which a later window leaves on it. */
    private static final java.util.Set<String> KEEPS_BUTTONS = java.util.Set.of("invoice", "game", "poll");

    /** The frame data key under which a poll window keeps the id of the poll it sent. */
    static final String POLL = "~poll";

    /** The render hash of a message whose dialog closed and whose buttons were taken away. */
    static final String CLOSED = "closed";

    /**
     * What a stack records as a message's kind: the content kind ({@code text}, {@code photo}, ...), marked when the
     * message brought a reply keyboard, which stays on the user's screen until a message takes it away.
     */
    static String shownKind(Rendered r) {
        return r.markup() instanceof ReplyKeyboardMarkup ? r.kind() + WITH_REPLY_KEYBOARD : r.kind();
    }

    private static final String WITH_REPLY_KEYBOARD = "+reply";

    private static boolean showsReplyKeyboard(ShownMessage message) {
        return message.kind().endsWith(WITH_REPLY_KEYBOARD);
    }

    private static String contentKind(ShownMessage message) {
        String kind = message.kind();
        return showsReplyKeyboard(message) ? kind.substring(0, kind.length() - WITH_REPLY_KEYBOARD.length()) : kind;
    }

    /**
     * The last dialog closed from a reply-keyboard window without a farewell: the keyboard is taken away by a
     * message that says so, deleted at once (the client keeps the keyboard removed).
     */
    private void removeReplyKeyboard(Session s, ShownMessage last) {
        CompletableFuture<SentView> removal = call(
                s,
                () -> SendMessage.builder(s.chatId, "…")
                        .messageThreadId(s.key.threadId() == 0 ? null : s.key.threadId())
                        .replyMarkup(ReplyKeyboardRemove.of(true))
                        .build(),
                SentView.class);
        removal.thenAccept(sent -> delete(s, sent.messageId)).exceptionally(e -> {
            log.debug("Could not remove the reply keyboard in chat {}: {}", s.chatId, e.getMessage());
            return null;
        });
        s.lastMessage = new ShownMessage(last.messageId(), contentKind(last), CLOSED, last.album());
    }

    /** The last dialog closed without a farewell: its message stays, its buttons (all stale now) go. */
    private void removeKeyboard(Session s, ShownMessage last) {
        call(
                        s,
                        () -> EditMessageReplyMarkup.builder()
                                .chatId(s.chatId)
                                .messageId(outbox.resolve(last.messageId()))
                                .build(),
                        SentView.class)
                .exceptionally(e -> {
                    log.debug("Could not remove the buttons of message {}: {}", last.messageId(), e.getMessage());
                    return SentView.NONE;
                });
        s.lastMessage = last.withHash(CLOSED);
    }

    /**
     * Shows the dialog of an inline message by editing it through its id (an inline message can only be edited):
     * the top window, or once the dialog closed its farewell or the text without buttons. Text and inline buttons
     * only; an edit that changes nothing is not sent.
     */
    private void presentInline(Session s, String inlineMessageId, @Nullable WorkFrame top) throws Exception {
        String text;
        String parseMode = null;
        LinkPreviewOptions preview = null;
        InlineKeyboardMarkup markup = null;
        String hash;
        if (top != null) {
            Rendered r = render(s, top);
            if (r.media() != null
                    || r.album() != null
                    || r.invoice() != null
                    || r.game() != null
                    || r.replyKeyboard()) {
                throw new IllegalStateException("dialog " + top.dialogId + ", window " + top.windowId
                        + ": an inline message shows text and inline buttons only");
            }
            text = r.text();
            parseMode = r.parseMode();
            preview = r.linkPreview();
            markup = r.markup() instanceof InlineKeyboardMarkup k ? k : null;
            hash = r.hash();
        } else if (s.farewell != null) {
            text = s.farewell;
            hash = CLOSED;
        } else {
            // The dialog closed without a farewell: the message stays as it is, without its (stale) buttons.
            if (s.lastMessage == null || !s.lastMessage.renderHash().equals(CLOSED)) {
                call(
                                s,
                                () -> EditMessageReplyMarkup.builder()
                                        .inlineMessageId(inlineMessageId)
                                        .build(),
                                Boolean.class)
                        .exceptionally(e -> {
                            log.debug(
                                    "Could not remove the buttons of inline message {}: {}",
                                    inlineMessageId,
                                    e.getMessage());
                            return Boolean.FALSE;
                        });
                s.lastMessage = new ShownMessage(0, "text", CLOSED);
            }
            return;
        }
        if (s.lastMessage != null && s.lastMessage.renderHash().equals(hash)) {
            return;
        }
        String shown = Limits.cut(text, parseMode, Limits.MESSAGE_TEXT);
        String inlineParseMode = parseMode;
        LinkPreviewOptions inlinePreview = preview;
        InlineKeyboardMarkup inlineMarkup = markup;
        CompletableFuture<Boolean> editing = call(
                s,
                () -> EditMessageText.builder()
                        .inlineMessageId(inlineMessageId)
                        .text(shown)
                        .parseMode(inlineParseMode)
                        .linkPreviewOptions(inlinePreview)
                        .replyMarkup(inlineMarkup)
                        .build(),
                Boolean.class);
        if (editing.isDone()) {
            try {
                Outbox.now(editing);
            } catch (TelegramException e) {
                if (!String.valueOf(e.getMessage()).contains("message is not modified")) {
                    throw e;
                }
            }
        }
        s.lastMessage = new ShownMessage(0, "text", hash);
    }

    /** Sends the plain messages the handlers asked for ({@code DialogContext.send}) that are not sent yet. */
    void sendMessages(Session s) {
        if (s.inlineMessageId != null && !s.messages.isEmpty()) {
            log.warn("An inline message has no chat to send to: {} messages of its dialog dropped", s.messages.size());
            s.messages.clear();
            return;
        }
        for (String text : s.messages) {
            sendPlain(s, text);
        }
        s.messages.clear();
    }

    /** Sends a plain message outside any window (the recovery notice, a handler's message), in the update's topic. */
    void sendPlain(Session s, String text) {
        String cut = Limits.cut(text, null, Limits.MESSAGE_TEXT);
        Long thread = s.key.threadId() == 0 ? null : s.key.threadId();
        CompletableFuture<SentView> sending = call(
                s,
                () -> SendMessage.builder(s.chatId, cut).messageThreadId(thread).build(),
                SentView.class);
        if (sending.isDone()) {
            Outbox.now(sending);
        } else {
            // Queued behind a flood wait: it goes out later, and nothing here waits for it.
            sending.exceptionally(e -> {
                log.warn("Chat {}: the notice \"{}\" was not sent: {}", s.chatId, cut, e.getMessage());
                return SentView.NONE;
            });
        }
    }

    Rendered render(Session s, WorkFrame frame) throws Exception {
        Window window = dialogs.window(frame);
        Render scratch = new Render();
        Ctx ctx = new Ctx(contexts, s, frame, "", scratch);
        loadGetters(ctx, frame);
        StringBuilder text = new StringBuilder(replyLines(s, DEFS.parseMode(window)));
        for (TextWidget part : DEFS.texts(window)) {
            String line = part.render(ctx);
            if (!line.isEmpty()) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(line);
            }
        }
        List<List<InlineKeyboardButton>> rows = new ArrayList<>();
        List<List<KeyboardButton>> keys = new ArrayList<>();
        boolean replyWindow = DEFS.keyboardKind(window) == KeyboardKind.REPLY;
        for (KeyboardWidget widget : DEFS.keyboard(window)) {
            if (replyWindow && widget instanceof ReplyKeyboardWidget reply) {
                for (List<KeyboardButton> row : ctx.renderReply(reply)) {
                    if (!row.isEmpty()) {
                        keys.add(row);
                    }
                }
                continue;
            }
            for (List<InlineKeyboardButton> row : ctx.render(widget)) {
                if (!row.isEmpty()) {
                    if (replyWindow) {
                        keys.add(asReplyRow(row, scratch));
                    } else {
                        rows.add(row);
                    }
                }
            }
        }
        MediaWidget mediaWidget = DEFS.media(window);
        Media media = mediaWidget == null ? null : mediaWidget.media(ctx);
        String mediaHashPart = media == null ? null : identity(media);
        if (media != null && media.file() instanceof InputFile.Upload) {
            String fileId = uploadedFiles.getIfPresent(media.file());
            if (fileId != null) {
                media = new Media(media.kind(), InputFile.fileId(fileId));
            } else {
                s.uploads.put(media, media.file());
            }
        }
        dev.tgdialog.spi.AlbumWidget albumWidget = DEFS.album(window);
        Rendered.AlbumMessages album = albumWidget == null ? null : album(frame, albumWidget.album(ctx));
        if (media != null && media.kind().equals("sticker") && text.length() > 0) {
            if (!text.toString().equals(replyLines(s, DEFS.parseMode(window)))) {
                throw new IllegalStateException("dialog " + frame.dialogId + ", window " + frame.windowId
                        + " shows a sticker, which carries no text; show the text in a window of its own");
            }
            // A transition's reply lines cannot ride on a sticker: they go as a message of their own, before it.
            s.messages.addAll(s.replies);
            sendMessages(s);
            text.setLength(0);
        }
        int limit = media == null ? Limits.MESSAGE_TEXT : Limits.CAPTION;
        // Telegram counts the text after entity parsing, which is never longer than the source.
        String cut = text.length() <= limit ? null : Limits.cut(text.toString(), DEFS.parseMode(window), limit);
        if (cut != null && !cut.contentEquals(text)) {
            log.warn(
                    "Dialog {}, window {}: the text has {} characters, over Telegram's {}; it is cut",
                    frame.dialogId,
                    frame.windowId,
                    text.length(),
                    limit);
            text.setLength(0);
            text.append(cut);
        }
        Invoice invoice = DEFS.invoice(window);
        Rendered.InvoiceMessage invoiceMessage = null;
        if (invoice != null) {
            invoiceMessage = invoiceMessage(s, frame, invoice, ctx);
            rows.add(
                    0,
                    List.of(InlineKeyboardButton.builder(ctx.label(invoice.payLabel()))
                            .pay(true)
                            .build()));
            text.setLength(0);
            text.append(invoiceMessage.description());
        }
        dev.tgdialog.games.Game game = DEFS.game(window);
        if (game != null) {
            rows.add(
                    0,
                    List.of(InlineKeyboardButton.builder(game.playLabel())
                            .callbackGame(new dev.tgdialog.telegram.types.CallbackGame())
                            .build()));
            text.setLength(0);
            text.append(game.shortName());
        }
        dev.tgdialog.polls.PollStep pollStep = DEFS.poll(window);
        Rendered.PollMessage poll = null;
        if (pollStep != null) {
            String question = pollStep.question().render(ctx);
            if (question.isEmpty() || question.length() > 300) {
                throw new IllegalStateException("dialog " + frame.dialogId + ", window " + frame.windowId
                        + ": a poll's question is 1-300 characters, was " + question.length());
            }
            poll = new Rendered.PollMessage(
                    question,
                    pollStep.options(),
                    pollStep.quiz(),
                    pollStep.correctOption(),
                    pollStep.multipleAnswers());
            text.setLength(0);
            text.append(question);
        }
        if (text.length() == 0 && media == null) {
            throw new IllegalStateException("dialog " + frame.dialogId + ", window " + frame.windowId
                    + " rendered an empty text, which Telegram refuses");
        }
        ReplyMarkup markup = null;
        boolean reply = false;
        if (DEFS.keyboardKind(window) == KeyboardKind.INLINE) {
            markup = rows.isEmpty() ? null : new InlineKeyboardMarkup(rows);
        } else if (DEFS.keyboardKind(window) == KeyboardKind.REPLY) {
            reply = true;
            markup = keys.isEmpty()
                    ? null
                    : ReplyKeyboardMarkup.builder(keys).resizeKeyboard(true).build();
        } else {
            reply = true;
            markup = ForceReply.of(true);
        }
        // The render's scratch is thrown away after this, so its spill map becomes the frame's as it is.
        frame.spill = scratch.spill;
        String parseMode = DEFS.parseMode(window);
        String content = text.toString();
        return new Rendered(
                content,
                parseMode,
                DEFS.linkPreview(window),
                markup,
                media,
                reply,
                hash(
                        content,
                        parseMode,
                        markup,
                        invoiceMessage != null
                                ? invoiceMessage.toString()
                                : poll != null ? poll.toString() : album != null ? album.mediaHash() : mediaHashPart),
                invoiceMessage,
                game == null ? null : game.shortName(),
                poll,
                album);
    }

    /** Album kinds Telegram groups: photos and videos together, or documents alone, or audio files alone. */
    private static final java.util.Set<java.util.Set<String>> ALBUM_KINDS = java.util.Set.of(
            java.util.Set.of("photo", "video"), java.util.Set.of("document"), java.util.Set.of("audio"));

    /** The album a window rendered, checked as Telegram checks it, its uploads sent as file_ids once known. */
    private Rendered.AlbumMessages album(WorkFrame frame, List<Media> items) {
        String where = "dialog " + frame.dialogId + ", window " + frame.windowId;
        if (items.size() < 2 || items.size() > 10) {
            throw new IllegalStateException(where + ": an album has 2-10 items, this one " + items.size());
        }
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        items.forEach(m -> kinds.add(m.kind()));
        if (ALBUM_KINDS.stream().noneMatch(allowed -> allowed.containsAll(kinds))) {
            throw new IllegalStateException(
                    where + ": an album holds photos and videos, or documents, or audio" + " files, not " + kinds);
        }
        StringBuilder hash = new StringBuilder();
        List<Media> sent = new ArrayList<>();
        for (Media item : items) {
            hash.append(identity(item)).append('\n');
            String fileId = item.file() instanceof InputFile.Upload ? uploadedFiles.getIfPresent(item.file()) : null;
            sent.add(fileId == null ? item : new Media(item.kind(), InputFile.fileId(fileId)));
        }
        return new Rendered.AlbumMessages(sent, List.copyOf(items), hash(hash.toString(), null, null, null));
    }

    /** The invoice a window shows, read for this render; amounts and texts checked, naming the window. */
    private Rendered.InvoiceMessage invoiceMessage(Session s, WorkFrame frame, Invoice invoice, Ctx ctx)
            throws Exception {
        String where = "dialog " + frame.dialogId + ", window " + frame.windowId;
        String title = invoiceText(where, "title", invoice.title().render(ctx), 32);
        String description =
                invoiceText(where, "description", invoice.description().render(ctx), 255);
        List<LabeledPrice> prices = new ArrayList<>();
        for (Invoice.Price price : invoice.prices()) {
            long amount = price.amount().amount(ctx);
            if (amount <= 0) {
                throw new IllegalStateException(
                        where + ": the invoice price \"" + price.label() + "\" is " + amount + ", not positive");
            }
            prices.add(new LabeledPrice(price.label(), amount));
        }
        return new Rendered.InvoiceMessage(
                title,
                description,
                payments.payload(s.key, frame.id, frame.dialogId, frame.windowId),
                invoice.currency(),
                prices,
                invoice.providerToken(),
                invoice.photoUrl(),
                invoice.needs(),
                invoice.flexible());
    }

    private static String invoiceText(String where, String field, String text, int limit) {
        if (text.isEmpty() || text.length() > limit) {
            throw new IllegalStateException(
                    where + ": the invoice " + field + " is 1-" + limit + " characters, was " + text.length());
        }
        return text;
    }

    /** An inline row shown on a reply keyboard: the labels, each mapped back to its callback data. */
    private static List<KeyboardButton> asReplyRow(List<InlineKeyboardButton> row, Render scratch) {
        List<KeyboardButton> keys = new ArrayList<>();
        for (InlineKeyboardButton button : row) {
            keys.add(KeyboardButton.of(button.text()));
            if (button.callbackData() != null) {
                scratch.spill.put(REPLY_LABEL + button.text(), button.callbackData());
            }
        }
        return keys;
    }

    /** Runs the dialog's getters, then the window's, into the context's render. */
    void loadGetters(Ctx ctx, WorkFrame frame) throws Exception {
        for (Getter getter : DEFS.getters(dialogs.dialog(frame))) {
            getter.load(ctx);
        }
        for (Getter getter : DEFS.getters(dialogs.window(frame))) {
            getter.load(ctx);
        }
    }

    private void show(Session s, Rendered r, ShowMode mode) {
        ShownMessage last = s.lastMessage;
        if (mode == ShowMode.AUTO) {
            boolean onLast = s.callback != null
                    && s.callback.message() != null
                    && last != null
                    && s.callback.message().messageId() == outbox.resolve(last.messageId());
            boolean background = s.update.updateId() == 0 && s.callback == null;
            mode = onLast || (background && last != null) ? ShowMode.EDIT : ShowMode.SEND;
        }
        boolean leavesReplyKeyboard =
                last != null && showsReplyKeyboard(last) && !(r.markup() instanceof ReplyKeyboardMarkup);
        if ((r.replyKeyboard() || leavesReplyKeyboard) && mode == ShowMode.EDIT) {
            mode = ShowMode.SEND;
        }
        if (mode == ShowMode.EDIT && last != null) {
            if (last.renderHash().equals(r.hash())) {
                log.debug("Render identical to message {}; nothing sent", last.messageId());
                return;
            }
            if (UNEDITABLE.contains(r.kind()) || UNEDITABLE.contains(contentKind(last))) {
                // No edit makes or changes such a message: the next window is sent below it (a paid invoice stays
                // where Telegram shows its receipt). The buttons of the one before go, unless they are its own.
                if (!KEEPS_BUTTONS.contains(contentKind(last))) {
                    removeKeyboard(s, last);
                }
                mode = ShowMode.SEND;
            }
        }
        if (mode == ShowMode.EDIT && last != null && !sameAlbum(last, r)) {
            // No edit adds, removes or regroups an album's messages: the window is replaced as one unit.
            mode = ShowMode.DELETE_AND_SEND;
        }
        if (mode == ShowMode.EDIT && last != null) {
            boolean textToText = contentKind(last).equals("text") && r.media() == null;
            boolean mediaToMedia = !contentKind(last).equals("text") && r.media() != null;
            if (textToText || mediaToMedia) {
                if (edit(s, last, r)) {
                    return;
                }
                mode = ShowMode.SEND;
            } else {
                mode = ShowMode.DELETE_AND_SEND;
            }
        }
        if (mode == ShowMode.DELETE_AND_SEND && last != null) {
            deleteShown(s, last);
        } else if (r.markup() instanceof ReplyKeyboardMarkup
                && last != null
                && !showsReplyKeyboard(last)
                && !last.renderHash().equals(CLOSED)) {
            // The inline buttons of the window before would only answer "no longer active" now.
            removeKeyboard(s, last);
        }
        // A reply keyboard goes away only when a message says so; an inline keyboard is put on that message after.
        InlineKeyboardMarkup inlineAfter =
                leavesReplyKeyboard && r.markup() instanceof InlineKeyboardMarkup k ? k : null;
        ReplyMarkup markup = leavesReplyKeyboard && (r.markup() == null || inlineAfter != null)
                ? ReplyKeyboardRemove.of(true)
                : r.markup();
        ShownMessage.Album album = null;
        if (r.album() != null) {
            album = sendAlbum(s, r.album());
            if (album == null) {
                s.lastMessage = null;
                return;
            }
        }
        CompletableFuture<SentView> sending = call(s, () -> send(s, r, markup), SentView.class);
        String kind = shownKind(r);
        long messageId;
        if (sending.isDone()) {
            SentView sent;
            try {
                sent = Outbox.now(sending);
            } catch (TelegramException.Network
                    | TelegramException.ServerError
                    | TelegramException.UnexpectedResponse e) {
                if (e instanceof TelegramException.Network n && !n.mayHaveBeenApplied()) {
                    throw e;
                }
                // The message may well have arrived; sending it again could show it twice. The update stands,
                // and the next render sends afresh, since no message is known to show this window.
                log.warn(
                        "Chat {}: the outcome of a send is unknown ({}); it is not repeated",
                        s.chatId,
                        e.description());
                s.lastMessage = null;
                return;
            } catch (TelegramException.TooManyRequests e) {
                // The flood wait outlasted the retry deadline (the outbox logged it); as for a send that went out
                // late and failed, the update stands and no message shows the window.
                s.lastMessage = null;
                return;
            }
            rememberUpload(s, r, sent);
            WorkFrame shown = s.top();
            if (sent.pollId != null && shown != null) {
                // A poll's answers name the poll, not the message: the frame keeps which poll it asked.
                shown.putData(POLL, DataCodec.encode(sent.pollId));
            }
            messageId = sent.messageId;
            s.lastMessage = new ShownMessage(messageId, kind, r.hash(), album);
        } else {
            // The chat is in flood wait: the message goes out later, and its id is filled in when it does.
            messageId = outbox.placeholder(sending.thenApply(sent -> sent.messageId));
            ShownMessage pending = new ShownMessage(messageId, kind, r.hash(), album);
            s.lastMessage = pending;
            // Whatever the stack shows by then (a background edit may have re-rendered it), the placeholder is what
            // it must lose: the message's real id, or no message at all when the send failed.
            long placeholder = messageId;
            sending.whenComplete((sent, error) -> corrections.correct(
                    s.key, m -> m.messageId() == placeholder, m -> error == null ? m.withId(sent.messageId) : null));
        }
        if (inlineAfter != null) {
            ShownMessage shown = s.lastMessage;
            call(
                            s,
                            () -> EditMessageReplyMarkup.builder()
                                    .chatId(s.chatId)
                                    .messageId(outbox.resolve(messageId))
                                    .replyMarkup(inlineAfter)
                                    .build(),
                            SentView.class)
                    .exceptionally(e -> {
                        log.warn(
                                "Could not put the buttons on message {} of chat {}: {}",
                                messageId,
                                s.chatId,
                                e.getMessage());
                        unknownAfterFailure(s, shown);
                        return SentView.NONE;
                    });
        }
    }

    /**
     * A queued call that was to make a message show {@code shown} failed: if the stack still says so, it learns that
     * the message's content is unknown, so the next update renders it again.
     */
    private void unknownAfterFailure(Session s, ShownMessage shown) {
        long id = shown.messageId();
        corrections.correct(
                s.key,
                m -> m.renderHash().equals(shown.renderHash())
                        && (m.messageId() == id || m.messageId() == outbox.resolve(id)),
                m -> m.withHash(UNKNOWN));
    }

    /** Whether a render shows the album the message shows under (or, like it, none): then the message can be edited. */
    private static boolean sameAlbum(ShownMessage last, Rendered r) {
        ShownMessage.Album shown = last.album();
        Rendered.AlbumMessages album = r.album();
        return shown == null
                ? album == null
                : album != null && shown.mediaHash().equals(album.mediaHash());
    }

    /**
     * Sends a window's album; its messages, or null when the outcome is not known (then nothing shows the window). A
     * send queued behind a flood wait stands in placeholders for the ids, corrected once it goes out.
     */
    private ShownMessage.@Nullable Album sendAlbum(Session s, Rendered.AlbumMessages album) {
        Long thread = s.key.threadId() == 0 ? null : s.key.threadId();
        CompletableFuture<SentView[]> sending = call(
                s,
                () -> {
                    List<InputMedia> media = new ArrayList<>();
                    album.items().forEach(item -> media.add(inputMedia(item, null, null)));
                    return SendMediaGroup.builder(s.chatId, media)
                            .messageThreadId(thread)
                            .build();
                },
                SentView[].class);
        if (!sending.isDone()) {
            List<Long> placeholders = new ArrayList<>();
            for (int i = 0; i < album.items().size(); i++) {
                int item = i;
                placeholders.add(outbox.placeholder(sending.thenApply(sent -> sent[item].messageId)));
            }
            sending.whenComplete((sent, error) -> corrections.correct(
                    s.key,
                    m -> m.album() != null && m.album().messageIds().equals(placeholders),
                    m -> error != null
                            ? m.withHash(UNKNOWN)
                            : new ShownMessage(
                                    m.messageId(),
                                    m.kind(),
                                    m.renderHash(),
                                    new ShownMessage.Album(ids(sent), album.mediaHash()))));
            return new ShownMessage.Album(placeholders, album.mediaHash());
        }
        SentView[] sent;
        try {
            sent = Outbox.now(sending);
        } catch (TelegramException.Network | TelegramException.ServerError | TelegramException.UnexpectedResponse e) {
            if (e instanceof TelegramException.Network n && !n.mayHaveBeenApplied()) {
                throw e;
            }
            log.warn("Chat {}: the outcome of an album's send is unknown ({}); it is not repeated", s.chatId, e);
            return null;
        } catch (TelegramException.TooManyRequests e) {
            return null;
        }
        for (int i = 0; i < sent.length && i < album.given().size(); i++) {
            Media given = album.given().get(i);
            if (given.file() instanceof InputFile.Upload && sent[i].fileId != null) {
                uploadedFiles.put(given.file(), sent[i].fileId);
            }
        }
        return new ShownMessage.Album(ids(sent), album.mediaHash());
    }

    private static List<Long> ids(SentView[] sent) {
        List<Long> ids = new ArrayList<>();
        for (SentView view : sent) {
            ids.add(view.messageId);
        }
        return ids;
    }

    /** Deletes the message a window showed, with the album above it in the same call. */
    private void deleteShown(Session s, ShownMessage shown) {
        ShownMessage.Album album = shown.album();
        if (album == null) {
            delete(s, shown.messageId());
            return;
        }
        call(
                        s,
                        () -> {
                            List<Long> ids = new ArrayList<>();
                            album.messageIds().forEach(id -> ids.add(outbox.resolve(id)));
                            ids.add(outbox.resolve(shown.messageId()));
                            return new DeleteMessages(ChatId.of(s.chatId), ids);
                        },
                        Boolean.class)
                .exceptionally(e -> {
                    log.debug("Could not delete the album of message {}: {}", shown.messageId(), e.getMessage());
                    return false;
                });
    }

    /** Deletes a message of the session's chat; one that cannot be deleted (gone already) fails nothing. */
    private void delete(Session s, long messageId) {
        call(s, () -> new DeleteMessage(ChatId.of(s.chatId), outbox.resolve(messageId)), Boolean.class)
                .exceptionally(e -> {
                    log.debug("Could not delete message {}: {}", messageId, e.getMessage());
                    return false;
                });
    }

    /** Submits a call to the session's chat, noting that the update has made one. */
    private <R> CompletableFuture<R> call(Session s, java.util.function.Supplier<BotMethod<?>> method, Class<R> type) {
        s.called = true;
        return outbox.submit(s.chatId, method, type);
    }

    /** Keeps the file_id Telegram gave an uploaded file, to send that instead of the bytes next time. */
    private void rememberUpload(Session s, Rendered r, SentView sent) {
        InputFile upload = r.media() == null ? null : s.uploads.get(r.media());
        if (upload != null && sent.fileId != null) {
            uploadedFiles.put(upload, sent.fileId);
        }
    }

    /**
     * Edits the last message and records what it shows; false when Telegram refused in a way that sending a new
     * message fixes. An edit queued behind a flood wait is taken as done; should it fail, the stack learns that the
     * message does not show this render, so the next update renders it again.
     */
    private boolean edit(Session s, ShownMessage last, Rendered r) {
        CompletableFuture<SentView> editing =
                call(s, () -> edit(s, outbox.resolve(last.messageId()), r), SentView.class);
        ShownMessage shown = new ShownMessage(last.messageId(), r.kind(), r.hash(), last.album());
        if (!editing.isDone()) {
            s.lastMessage = shown;
            editing.whenComplete((sent, error) -> {
                if (error != null) {
                    unknownAfterFailure(s, shown);
                }
            });
            return true;
        }
        try {
            rememberUpload(s, r, Outbox.now(editing));
        } catch (TelegramException.TooManyRequests e) {
            s.lastMessage = new ShownMessage(last.messageId(), r.kind(), UNKNOWN, last.album());
            return true;
        } catch (TelegramException.BadRequest e) {
            String d = e.description();
            if (!e.isMessageNotModified()) {
                if (d.contains("can't be edited")
                        || d.contains("message to edit not found")
                        || d.contains("no text in the message")
                        || d.contains("MESSAGE_ID_INVALID")) {
                    log.debug("Edit of message {} refused ({}); sending a new message", last.messageId(), d);
                    return false;
                }
                throw e;
            }
        }
        s.lastMessage = shown;
        return true;
    }

    /** The render hash of a message whose content is not known (a queued edit failed). */
    static final String UNKNOWN = "unknown";

    private static BotMethod<?> edit(Session s, long messageId, Rendered r) {
        InlineKeyboardMarkup inline = r.markup() instanceof InlineKeyboardMarkup k ? k : null;
        if (r.media() == null) {
            return EditMessageText.builder()
                    .chatId(s.chatId)
                    .messageId(messageId)
                    .text(r.text())
                    .parseMode(r.parseMode())
                    .linkPreviewOptions(r.linkPreview())
                    .replyMarkup(inline)
                    .build();
        }
        return EditMessageMedia.builder(inputMedia(r, r.media()))
                .chatId(ChatId.of(s.chatId))
                .messageId(messageId)
                .replyMarkup(inline)
                .build();
    }

    private BotMethod<?> send(Session s, Rendered r, @Nullable ReplyMarkup markup) {
        Long thread = s.key.threadId() == 0 ? null : s.key.threadId();
        Rendered.PollMessage poll = r.poll();
        if (poll != null) {
            List<dev.tgdialog.telegram.types.InputPollOption> options = new ArrayList<>();
            poll.options().forEach(o -> options.add(dev.tgdialog.telegram.types.InputPollOption.of(o)));
            return SendPoll.builder(s.chatId, poll.question(), options)
                    .messageThreadId(thread)
                    .isAnonymous(false)
                    .type(poll.quiz() ? "quiz" : "regular")
                    .correctOptionIds(poll.quiz() ? List.of((long) poll.correctOption()) : null)
                    .allowsMultipleAnswers(poll.multipleAnswers() ? true : null)
                    .replyMarkup(markup instanceof InlineKeyboardMarkup inline ? inline : null)
                    .build();
        }
        if (r.game() != null) {
            return SendGame.builder(s.chatId, r.game())
                    .messageThreadId(thread)
                    .replyMarkup(markup instanceof InlineKeyboardMarkup inline ? inline : null)
                    .build();
        }
        Rendered.InvoiceMessage invoice = r.invoice();
        if (invoice != null) {
            return SendInvoice.builder(
                            s.chatId,
                            invoice.title(),
                            invoice.description(),
                            invoice.payload(),
                            invoice.currency(),
                            invoice.prices())
                    .messageThreadId(thread)
                    .providerToken(invoice.providerToken())
                    .photoUrl(invoice.photoUrl())
                    .needName(invoice.needs().contains(Invoice.Need.NAME) ? true : null)
                    .needPhoneNumber(invoice.needs().contains(Invoice.Need.PHONE) ? true : null)
                    .needEmail(invoice.needs().contains(Invoice.Need.EMAIL) ? true : null)
                    .needShippingAddress(invoice.needs().contains(Invoice.Need.SHIPPING_ADDRESS) ? true : null)
                    .isFlexible(invoice.flexible() ? true : null)
                    .replyMarkup(markup instanceof InlineKeyboardMarkup inline ? inline : null)
                    .build();
        }
        Media media = r.media();
        if (media == null) {
            return SendMessage.builder(s.chatId, r.text())
                    .messageThreadId(thread)
                    .parseMode(r.parseMode())
                    .linkPreviewOptions(r.linkPreview())
                    .replyMarkup(markup)
                    .build();
        }
        String caption = r.text().isEmpty() ? null : r.text();
        InputFile file = media.file();
        return switch (media.kind()) {
            case "photo" ->
                SendPhoto.builder(s.chatId, file)
                        .messageThreadId(thread)
                        .caption(caption)
                        .parseMode(r.parseMode())
                        .replyMarkup(markup)
                        .build();
            case "video" ->
                SendVideo.builder(s.chatId, file)
                        .messageThreadId(thread)
                        .caption(caption)
                        .parseMode(r.parseMode())
                        .replyMarkup(markup)
                        .build();
            case "animation" ->
                SendAnimation.builder(s.chatId, file)
                        .messageThreadId(thread)
                        .caption(caption)
                        .parseMode(r.parseMode())
                        .replyMarkup(markup)
                        .build();
            case "sticker" ->
                SendSticker.builder(s.chatId, file)
                        .messageThreadId(thread)
                        .replyMarkup(markup)
                        .build();
            case "audio" ->
                SendAudio.builder(s.chatId, file)
                        .messageThreadId(thread)
                        .caption(caption)
                        .parseMode(r.parseMode())
                        .replyMarkup(markup)
                        .build();
            default ->
                SendDocument.builder(s.chatId, file)
                        .messageThreadId(thread)
                        .caption(caption)
                        .parseMode(r.parseMode())
                        .replyMarkup(markup)
                        .build();
        };
    }

    private static InputMedia inputMedia(Rendered r, Media media) {
        return inputMedia(media, r.text().isEmpty() ? null : r.text(), r.parseMode());
    }

    private static InputMedia inputMedia(Media media, @Nullable String caption, @Nullable String parseMode) {
        return switch (media.kind()) {
            case "photo" ->
                InputMediaPhoto.builder(media.file())
                        .caption(caption)
                        .parseMode(parseMode)
                        .build();
            case "video" ->
                InputMediaVideo.builder(media.file())
                        .caption(caption)
                        .parseMode(parseMode)
                        .build();
            case "animation" ->
                InputMediaAnimation.builder(media.file())
                        .caption(caption)
                        .parseMode(parseMode)
                        .build();
            case "audio" ->
                InputMediaAudio.builder(media.file())
                        .caption(caption)
                        .parseMode(parseMode)
                        .build();
            default ->
                InputMediaDocument.builder(media.file())
                        .caption(caption)
                        .parseMode(parseMode)
                        .build();
        };
    }

    /** A 64-bit FNV-1a hash of what a message shows, as hex. */
    /** What identifies a media file for the render hash: its reference, or the upload itself. */
    private static String identity(Media media) {
        return media.kind() + ":"
                + (media.file() instanceof InputFile.Reference ref
                        ? ref.value()
                        : "upload@" + System.identityHashCode(media.file()));
    }

    static String hash(String text, @Nullable String parseMode, @Nullable ReplyMarkup markup, @Nullable String media) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, text);
        h = mix(h, parseMode == null ? "\0" : parseMode);
        if (markup instanceof InlineKeyboardMarkup inline) {
            for (List<InlineKeyboardButton> row : inline.inlineKeyboard()) {
                h = mix(h, "\n");
                for (InlineKeyboardButton b : row) {
                    h = mix(h, b.text());
                    h = mix(h, b.callbackData() == null ? "\0" : b.callbackData());
                    h = mix(h, b.url() == null ? "\0" : b.url());
                }
            }
        } else if (markup != null) {
            h = mix(h, markup.toString());
        }
        if (media != null) {
            h = mix(h, media);
        }
        return Long.toHexString(h);
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= 0x1f;
        h *= 0x100000001b3L;
        return h;
    }
}
