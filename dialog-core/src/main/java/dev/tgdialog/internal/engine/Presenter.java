package dev.tgdialog.internal.engine;

import dev.tgdialog.Dialog;
import dev.tgdialog.Getter;
import dev.tgdialog.KeyboardKind;
import dev.tgdialog.ShowMode;
import dev.tgdialog.Window;
import dev.tgdialog.store.ShownMessage;
import dev.tgdialog.telegram.BotMethod;
import dev.tgdialog.telegram.ChatId;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.telegram.TelegramException;
import dev.tgdialog.telegram.methods.EditMessageMedia;
import dev.tgdialog.telegram.methods.EditMessageReplyMarkup;
import dev.tgdialog.telegram.methods.EditMessageText;
import dev.tgdialog.telegram.methods.SendAnimation;
import dev.tgdialog.telegram.methods.SendAudio;
import dev.tgdialog.telegram.methods.SendDocument;
import dev.tgdialog.telegram.methods.SendMessage;
import dev.tgdialog.telegram.methods.SendPhoto;
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
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import dev.tgdialog.telegram.types.ReplyMarkup;
import dev.tgdialog.widget.KeyboardWidget;
import dev.tgdialog.widget.ReplyKeyboardWidget;
import dev.tgdialog.widget.Media;
import dev.tgdialog.widget.TextWidget;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the top window once and brings it to the chat: edit, send, or delete-and-send, skipping a render
 * identical to what the message shows, and falling back to sending when Telegram refuses an edit.
 */
final class Presenter {
    private static final Logger log = LoggerFactory.getLogger(Presenter.class);
    /** Spill entries that map a reply-keyboard label back to its button's callback data. */
    static final String REPLY_LABEL = "r:";

    private final Engine engine;

    Presenter(Engine engine) {
        this.engine = engine;
    }

    void present(Session s, ShowMode mode) throws Exception {
        if (mode == ShowMode.NO_UPDATE) {
            return;
        }
        WorkFrame top = s.top();
        if (top == null) {
            if (s.farewell != null && s.lastMessage != null) {
                show(s, new Rendered(s.farewell, null, null, null, null, false, hash(s.farewell, null, null, null)),
                        mode == ShowMode.AUTO ? ShowMode.EDIT : mode);
            } else if (s.lastMessage != null && !s.lastMessage.renderHash().equals(CLOSED)) {
                removeKeyboard(s, s.lastMessage);
            }
            return;
        }
        show(s, render(s, top), mode);
    }

    /** The render hash of a message whose dialog closed and whose buttons were taken away. */
    static final String CLOSED = "closed";

    /** The last dialog closed without a farewell: its message stays, its buttons (all stale now) go. */
    private void removeKeyboard(Session s, ShownMessage last) {
        try {
            engine.config.telegram().execute(EditMessageReplyMarkup.builder()
                    .chatId(s.chatId)
                    .messageId(last.messageId())
                    .build());
        } catch (TelegramException e) {
            log.debug("Could not remove the buttons of message {}: {}", last.messageId(), e.getMessage());
        }
        s.lastMessage = new ShownMessage(last.messageId(), last.kind(), CLOSED);
    }

    /** Sends a plain message outside any window (the recovery notice). */
    void sendPlain(Session s, String text) {
        engine.config.telegram().execute(SendMessage.of(s.chatId, text));
    }

    Rendered render(Session s, WorkFrame frame) throws Exception {
        Window window = engine.window(frame);
        Render scratch = new Render();
        Ctx ctx = new Ctx(engine, s, frame, "", scratch);
        loadGetters(ctx, frame);
        StringBuilder text = new StringBuilder();
        for (TextWidget part : window.texts()) {
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
        boolean replyWindow = window.keyboardKind() == KeyboardKind.REPLY;
        for (KeyboardWidget widget : window.keyboard()) {
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
        Media media = window.media() == null ? null : window.media().media(ctx);
        String mediaHashPart = media == null ? null : identity(media);
        if (media != null && media.file() instanceof InputFile.Upload) {
            String fileId = engine.uploadedFiles.getIfPresent(media.file());
            if (fileId != null) {
                media = new Media(media.kind(), InputFile.fileId(fileId));
            } else {
                s.uploads.put(media, media.file());
            }
        }
        int limit = media == null ? dev.tgdialog.telegram.Limits.MESSAGE_TEXT : dev.tgdialog.telegram.Limits.CAPTION;
        // Telegram counts the text after entity parsing, which is never longer than the source.
        String cut = text.length() <= limit ? null
                : dev.tgdialog.telegram.Limits.cut(text.toString(), window.parseMode(), limit);
        if (cut != null && !cut.contentEquals(text)) {
            log.warn("Dialog {}, window {}: the text has {} characters, over Telegram's {}; it is cut",
                    frame.dialogId, frame.windowId, text.length(), limit);
            text.setLength(0);
            text.append(cut);
        }
        if (text.length() == 0 && media == null) {
            throw new IllegalStateException("dialog " + frame.dialogId + ", window " + frame.windowId
                    + " rendered an empty text, which Telegram refuses");
        }
        ReplyMarkup markup = null;
        boolean reply = false;
        if (window.keyboardKind() == KeyboardKind.INLINE) {
            markup = rows.isEmpty() ? null : new InlineKeyboardMarkup(rows);
        } else if (window.keyboardKind() == KeyboardKind.REPLY) {
            reply = true;
            markup = keys.isEmpty() ? null : ReplyKeyboardMarkup.builder(keys).resizeKeyboard(true).build();
        } else {
            reply = true;
            markup = ForceReply.of(true);
        }
        // The render's scratch is thrown away after this, so its spill map becomes the frame's as it is.
        frame.spill = scratch.spill;
        String parseMode = window.parseMode();
        String content = text.toString();
        return new Rendered(content, parseMode, window.linkPreview(), markup, media, reply,
                hash(content, parseMode, markup, mediaHashPart));
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
        for (Getter getter : engine.dialog(frame).getters()) {
            getter.load(ctx);
        }
        for (Getter getter : engine.window(frame).getters()) {
            getter.load(ctx);
        }
    }

    private void show(Session s, Rendered r, ShowMode mode) {
        ShownMessage last = s.lastMessage;
        if (mode == ShowMode.AUTO) {
            boolean onLast = s.callback != null && s.callback.message() != null && last != null
                    && s.callback.message().messageId() == last.messageId();
            boolean background = s.update.updateId() == 0 && s.callback == null;
            mode = onLast || (background && last != null) ? ShowMode.EDIT : ShowMode.SEND;
        }
        if (r.replyKeyboard() && mode == ShowMode.EDIT) {
            mode = ShowMode.SEND;
        }
        if (mode == ShowMode.EDIT && last == null) {
            mode = ShowMode.SEND;
        }
        if (mode == ShowMode.EDIT) {
            if (last.renderHash().equals(r.hash())) {
                log.debug("Render identical to message {}; nothing sent", last.messageId());
                return;
            }
            boolean textToText = last.kind().equals("text") && r.media() == null;
            boolean mediaToMedia = !last.kind().equals("text") && r.media() != null;
            if (textToText || mediaToMedia) {
                if (edit(s, last.messageId(), r)) {
                    s.lastMessage = new ShownMessage(last.messageId(), r.kind(), r.hash());
                    return;
                }
                mode = ShowMode.SEND;
            } else {
                mode = ShowMode.DELETE_AND_SEND;
            }
        }
        if (mode == ShowMode.DELETE_AND_SEND && last != null) {
            engine.delete(s, last.messageId());
        }
        SentView sent = engine.config.telegram().execute(send(s, r), SentView.class);
        rememberUpload(s, r, sent);
        s.lastMessage = new ShownMessage(sent.messageId, r.kind(), r.hash());
    }

    /** Keeps the file_id Telegram gave an uploaded file, to send that instead of the bytes next time. */
    private void rememberUpload(Session s, Rendered r, SentView sent) {
        InputFile upload = r.media() == null ? null : s.uploads.get(r.media());
        if (upload != null && sent.fileId != null) {
            engine.uploadedFiles.put(upload, sent.fileId);
        }
    }

    /** Edits the message; false when Telegram refused in a way that sending a new message fixes. */
    private boolean edit(Session s, long messageId, Rendered r) {
        InlineKeyboardMarkup inline = r.markup() instanceof InlineKeyboardMarkup k ? k : null;
        BotMethod<?> edit;
        if (r.media() == null) {
            edit = EditMessageText.builder()
                    .chatId(s.chatId)
                    .messageId(messageId)
                    .text(r.text())
                    .parseMode(r.parseMode())
                    .linkPreviewOptions(r.linkPreview())
                    .replyMarkup(inline)
                    .build();
        } else {
            edit = EditMessageMedia.builder(inputMedia(r))
                    .chatId(ChatId.of(s.chatId))
                    .messageId(messageId)
                    .replyMarkup(inline)
                    .build();
        }
        try {
            rememberUpload(s, r, engine.config.telegram().execute(edit, SentView.class));
            return true;
        } catch (TelegramException.BadRequest e) {
            if (e.isMessageNotModified()) {
                return true;
            }
            String d = e.description();
            if (d.contains("can't be edited") || d.contains("message to edit not found")
                    || d.contains("no text in the message")
                    || d.contains("MESSAGE_ID_INVALID")) {
                log.debug("Edit of message {} refused ({}); sending a new message", messageId, d);
                return false;
            }
            throw e;
        }
    }

    private BotMethod<?> send(Session s, Rendered r) {
        Long thread = s.key.threadId() == 0 ? null : s.key.threadId();
        Media media = r.media();
        if (media == null) {
            return SendMessage.builder(s.chatId, r.text())
                    .messageThreadId(thread)
                    .parseMode(r.parseMode())
                    .linkPreviewOptions(r.linkPreview())
                    .replyMarkup(r.markup())
                    .build();
        }
        String caption = r.text().isEmpty() ? null : r.text();
        InputFile file = media.file();
        return switch (media.kind()) {
            case "photo" -> SendPhoto.builder(s.chatId, file).messageThreadId(thread).caption(caption)
                    .parseMode(r.parseMode()).replyMarkup(r.markup()).build();
            case "video" -> SendVideo.builder(s.chatId, file).messageThreadId(thread).caption(caption)
                    .parseMode(r.parseMode()).replyMarkup(r.markup()).build();
            case "animation" -> SendAnimation.builder(s.chatId, file).messageThreadId(thread).caption(caption)
                    .parseMode(r.parseMode()).replyMarkup(r.markup()).build();
            case "audio" -> SendAudio.builder(s.chatId, file).messageThreadId(thread).caption(caption)
                    .parseMode(r.parseMode()).replyMarkup(r.markup()).build();
            default -> SendDocument.builder(s.chatId, file).messageThreadId(thread).caption(caption)
                    .parseMode(r.parseMode()).replyMarkup(r.markup()).build();
        };
    }

    private static InputMedia inputMedia(Rendered r) {
        Media media = r.media();
        String caption = r.text().isEmpty() ? null : r.text();
        return switch (media.kind()) {
            case "photo" -> InputMediaPhoto.builder(media.file()).caption(caption).parseMode(r.parseMode()).build();
            case "video" -> InputMediaVideo.builder(media.file()).caption(caption).parseMode(r.parseMode()).build();
            case "animation" -> InputMediaAnimation.builder(media.file()).caption(caption)
                    .parseMode(r.parseMode()).build();
            case "audio" -> InputMediaAudio.builder(media.file()).caption(caption).parseMode(r.parseMode()).build();
            default -> InputMediaDocument.builder(media.file()).caption(caption).parseMode(r.parseMode()).build();
        };
    }

    /** A 64-bit FNV-1a hash of what a message shows, as hex. */
    /** What identifies a media file for the render hash: its reference, or the upload itself. */
    private static String identity(Media media) {
        return media.kind() + ":" + (media.file() instanceof InputFile.Reference ref ? ref.value()
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
