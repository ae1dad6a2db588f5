package dev.tgdialog.testing;

import static dev.tgdialog.testing.Refusal.badRequest;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.tgdialog.internal.json.Json;
import dev.tgdialog.telegram.Limits;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.ReplyMarkup;
import dev.tgdialog.testing.Chats.Content;
import dev.tgdialog.testing.Chats.Stored;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Bot API methods on a chat's messages: sends, edits, deletes and chat actions. Each reads its parameters,
 * has {@link MessageChecks} check the content, refuses what Telegram refuses about the message itself (an edit that
 * changes nothing, a message that is not there), and then changes {@link Chats}. Not thread-safe:
 * {@link FakeTelegram} calls it under its one lock.
 */
final class MessageMethods {
    private static final Gson GSON = Json.gson();
    /** What an edit may put in a media message ({@code InputMedia}'s types). */
    private static final Set<String> MEDIA_KINDS = Set.of("photo", "document", "video", "animation", "audio");
    /** What a send of its own may carry: the media, and a sticker, which no edit can put in. */
    private static final Set<String> SEND_KINDS = Set.of("photo", "document", "video", "animation", "audio", "sticker");

    private static final Set<String> CHAT_ACTIONS = Set.of(
            "typing",
            "upload_photo",
            "record_video",
            "upload_video",
            "record_voice",
            "upload_voice",
            "upload_document",
            "choose_sticker",
            "find_location",
            "record_video_note",
            "upload_video_note");
    private static final String NOT_MODIFIED = "Bad Request: message is not modified: specified new message content"
            + " and reply markup are exactly the same as a current content and reply markup of the message";

    private final Chats chats;

    MessageMethods(Chats chats) {
        this.chats = chats;
    }

    /** The methods this class answers, by name. */
    Map<String, Dispatcher.Handler> handlers() {
        Map<String, Dispatcher.Handler> handlers = new HashMap<>(Map.of(
                "sendMessage",
                this::sendMessage,
                "sendChatAction",
                this::sendChatAction,
                "editMessageText",
                unlessInline(this::editText),
                "editMessageCaption",
                unlessInline(this::editCaption),
                "editMessageMedia",
                unlessInline(this::editMedia),
                "editMessageReplyMarkup",
                unlessInline(this::editReplyMarkup),
                "deleteMessage",
                this::deleteMessage,
                "deleteMessages",
                this::deleteMessages,
                "sendMediaGroup",
                this::sendMediaGroup));
        for (String kind : SEND_KINDS) {
            handlers.put(
                    "send" + kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1),
                    p -> sendMedia(p, kind));
        }
        return handlers;
    }

    private JsonElement sendMessage(Params p) {
        long chatId = p.chatId();
        String parseMode = MessageChecks.parseMode(p);
        String text = MessageChecks.text(p.string("text"), parseMode);
        ReplyMarkup markup = MessageChecks.replyMarkup(p);
        chats.checkNotBlocked(chatId);
        return GSON.toJsonTree(
                chats.send(chatId, new Content("text", text, null, markup, parseMode, p.raw("entities"))));
    }

    /** {@code sendPhoto}, {@code sendDocument} and the like: {@code kind} is the media field, {@code photo}, …. */
    private JsonElement sendMedia(Params p, String kind) {
        long chatId = p.chatId();
        String fileId = file(p, kind, p.element(kind), kind);
        String parseMode = MessageChecks.parseMode(p);
        String caption = MessageChecks.caption(p.string("caption"), parseMode);
        ReplyMarkup markup = MessageChecks.replyMarkup(p);
        chats.checkNotBlocked(chatId);
        return GSON.toJsonTree(
                chats.send(chatId, new Content(kind, caption, fileId, markup, parseMode, p.raw("caption_entities"))));
    }

    /**
     * {@code sendMediaGroup}: 2-10 photos and videos, or documents, or audio files, each a message of its own with its
     * own caption; the answer is the array of them.
     */
    private JsonElement sendMediaGroup(Params p) {
        long chatId = p.chatId();
        JsonElement media = p.json("media");
        if (media == null || !media.isJsonArray()) {
            throw badRequest("can't parse media JSON object");
        }
        JsonArray items = media.getAsJsonArray();
        if (items.size() < 2 || items.size() > 10) {
            throw badRequest("wrong number of media in the album: " + items.size() + " (2-10 allowed)");
        }
        java.util.List<Content> contents = new java.util.ArrayList<>();
        Set<String> kinds = new java.util.TreeSet<>();
        for (JsonElement element : items) {
            if (!(element instanceof JsonObject item)) {
                throw badRequest("can't parse InputMedia JSON object");
            }
            String kind = item.get("type") instanceof JsonPrimitive t ? t.getAsString() : "";
            if (!Set.of("photo", "video", "document", "audio").contains(kind)) {
                throw badRequest("unsupported media type in an album: " + kind);
            }
            kinds.add(kind);
            String parseMode = Params.stringOf(item.get("parse_mode"));
            MessageChecks.checkParseMode(parseMode);
            String caption = MessageChecks.caption(Params.stringOf(item.get("caption")), parseMode);
            JsonElement entities = item.get("caption_entities");
            contents.add(new Content(
                    kind,
                    caption,
                    file(p, "media", item.get("media"), kind),
                    null,
                    parseMode,
                    entities == null || entities.isJsonNull() ? null : GSON.toJson(entities)));
        }
        if (kinds.size() > 1 && !Set.of("photo", "video").containsAll(kinds)) {
            throw badRequest("documents and audio files can't be mixed with other media types in an album");
        }
        chats.checkNotBlocked(chatId);
        JsonArray sent = new JsonArray();
        for (Content content : contents) {
            sent.add(GSON.toJsonTree(chats.send(chatId, content)));
        }
        return sent;
    }

    private JsonElement sendChatAction(Params p) {
        long chatId = p.chatId();
        String action = p.string("action");
        if (action == null || !CHAT_ACTIONS.contains(action)) {
            throw badRequest("wrong parameter action in request");
        }
        chats.checkNotBlocked(chatId);
        return new JsonPrimitive(true);
    }

    private JsonElement editText(Params p) {
        String parseMode = MessageChecks.parseMode(p);
        return editWords(p, "text", MessageChecks.text(p.string("text"), parseMode), parseMode, "entities");
    }

    private JsonElement editCaption(Params p) {
        String parseMode = MessageChecks.parseMode(p);
        String caption = MessageChecks.caption(p.string("caption"), parseMode);
        return editWords(p, "caption", caption, parseMode, "caption_entities");
    }

    /** The rest of an edit of a text message's {@code text} or a media message's {@code caption}. */
    private JsonElement editWords(
            Params p, String field, @Nullable String words, @Nullable String parseMode, String entitiesField) {
        InlineKeyboardMarkup markup = MessageChecks.inlineMarkup(p);
        Stored old = findToEdit(p);
        FakeMessage before = old.view();
        if (before.kind().equals("text") != field.equals("text")) {
            throw badRequest("there is no " + field + " in the message to edit");
        }
        return edit(
                old,
                new Content(
                        before.kind(),
                        words,
                        before.fileId(),
                        afterEdit(before, markup),
                        parseMode,
                        p.raw(entitiesField)));
    }

    private JsonElement editMedia(Params p) {
        JsonObject media = p.object("media");
        if (media == null) {
            throw badRequest("can't parse InputMedia JSON object");
        }
        String kind = media.get("type") instanceof JsonPrimitive t ? t.getAsString() : "";
        if (!MEDIA_KINDS.contains(kind)) {
            throw badRequest("unsupported media type: " + kind);
        }
        String fileId = file(p, "media", media.get("media"), kind);
        String parseMode = Params.stringOf(media.get("parse_mode"));
        MessageChecks.checkParseMode(parseMode);
        String caption = MessageChecks.caption(Params.stringOf(media.get("caption")), parseMode);
        InlineKeyboardMarkup markup = MessageChecks.inlineMarkup(p);
        Stored old = findToEdit(p);
        FakeMessage before = old.view();
        if (before.kind().equals("text")) {
            throw badRequest("there is no media in the message to edit");
        }
        JsonElement entities = media.get("caption_entities");
        return edit(
                old,
                new Content(
                        kind,
                        caption,
                        fileId,
                        afterEdit(before, markup),
                        parseMode,
                        entities == null || entities.isJsonNull() ? null : GSON.toJson(entities)));
    }

    private JsonElement editReplyMarkup(Params p) {
        InlineKeyboardMarkup markup = MessageChecks.inlineMarkup(p);
        Stored old = findToEdit(p);
        FakeMessage before = old.view();
        return edit(
                old,
                new Content(
                        before.kind(),
                        before.text(),
                        before.fileId(),
                        afterEdit(before, markup),
                        before.parseMode(),
                        old.entities()));
    }

    /** Applies an edit that passed its checks, unless it changes nothing. */
    private JsonElement edit(Stored old, Content after) {
        if (old.shows(after)) {
            throw new Refusal(400, NOT_MODIFIED, null);
        }
        return GSON.toJsonTree(chats.edit(old, after));
    }

    /** Edits set the inline keyboard; a reply keyboard sent with the message stays unless one is given. */
    private static @Nullable ReplyMarkup afterEdit(FakeMessage before, @Nullable InlineKeyboardMarkup markup) {
        if (markup != null) {
            return markup;
        }
        return before.replyMarkup() instanceof InlineKeyboardMarkup ? null : before.replyMarkup();
    }

    /** Inline messages are not tracked: their edits are answered {@code true} unchecked. */
    private static Dispatcher.Handler unlessInline(Dispatcher.Handler edit) {
        return p -> !p.has("chat_id") && p.has("inline_message_id") ? new JsonPrimitive(true) : edit.handle(p);
    }

    private Stored findToEdit(Params p) {
        Stored stored = chats.find(p.chatId(), p.longValue("message_id"));
        if (stored == null) {
            throw badRequest("message to edit not found");
        }
        return stored;
    }

    private JsonElement deleteMessage(Params p) {
        if (!chats.delete(p.chatId(), p.longValue("message_id"))) {
            throw badRequest("message to delete not found");
        }
        return new JsonPrimitive(true);
    }

    /** Deletes the messages that are there and skips the others, as Telegram does. */
    private JsonElement deleteMessages(Params p) {
        long chatId = p.chatId();
        JsonElement ids = p.json("message_ids");
        if (ids == null || !ids.isJsonArray()) {
            throw badRequest("can't parse message identifiers JSON object");
        }
        JsonArray array = ids.getAsJsonArray();
        if (array.isEmpty() || array.size() > Limits.DELETE_MESSAGES) {
            throw badRequest(
                    "too many messages to delete: " + array.size() + " (1-" + Limits.DELETE_MESSAGES + " allowed)");
        }
        for (JsonElement id : array) {
            chats.delete(chatId, Params.asLong(id, "message_ids"));
        }
        return new JsonPrimitive(true);
    }

    /**
     * The file id a media field names: a new id for an upload (a file part named like the field, or an
     * {@code attach://} reference to one), the string itself for a file id or URL.
     */
    private String file(Params p, String field, @Nullable JsonElement value, String kind) {
        String uploaded = p.files().get(field);
        if (uploaded == null && value instanceof JsonPrimitive primitive) {
            String text = primitive.getAsString();
            if (text.startsWith("attach://")) {
                uploaded = p.files().get(text.substring("attach://".length()));
                if (uploaded == null) {
                    throw badRequest("can't find the attached file " + text.substring("attach://".length()));
                }
            } else if (!text.isEmpty()) {
                return text;
            }
        }
        if (uploaded == null) {
            throw badRequest("there is no " + field + " in the request");
        }
        return chats.newFileId(kind);
    }
}
