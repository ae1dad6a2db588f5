package dev.tgdialog.testing;

import dev.tgdialog.TimeSource;
import dev.tgdialog.telegram.types.Animation;
import dev.tgdialog.telegram.types.Audio;
import dev.tgdialog.telegram.types.Chat;
import dev.tgdialog.telegram.types.Document;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.PhotoSize;
import dev.tgdialog.telegram.types.ReplyMarkup;
import dev.tgdialog.telegram.types.User;
import dev.tgdialog.telegram.types.Video;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The chats as the fake keeps them: each chat's current messages, its history of sends, edits and deletes and its
 * next message id, the chats whose user blocked the bot, and the ids given to uploaded files. It stores what the
 * message methods have already checked. Not thread-safe: {@link FakeTelegram} uses it under its one lock.
 */
final class Chats {

    /**
     * What a message shows: its kind ({@code text} or a media kind), text or caption, file id, reply markup,
     * parse mode and entities (as JSON).
     */
    record Content(
            String kind,
            @Nullable String text,
            @Nullable String fileId,
            @Nullable ReplyMarkup markup,
            @Nullable String parseMode,
            @Nullable String entities) {}

    /** A message with what the public view leaves out: its entities (as JSON) and edit date. */
    record Stored(
            FakeMessage view,
            @Nullable String entities,
            @Nullable Long editDate) {

        /**
         * Whether the message already shows this content, as Telegram compares for "message is not modified": a
         * reply keyboard, which no edit can change, is left out.
         */
        boolean shows(Content c) {
            return view.kind().equals(c.kind())
                    && Objects.equals(view.fileId(), c.fileId())
                    && Objects.equals(view.text(), c.text())
                    && Objects.equals(view.parseMode(), c.parseMode())
                    && Objects.equals(entities, c.entities())
                    && view.inlineKeyboard().equals(rows(c.markup()));
        }
    }

    /** One chat's messages and history. */
    private static final class ChatState {
        long nextId = 1;
        final Map<Long, Stored> messages = new LinkedHashMap<>();
        final List<ChatEvent> history = new ArrayList<>();
    }

    private final User bot;
    private final TimeSource time;
    private final Map<Long, ChatState> chats = new HashMap<>();
    private final Set<Long> blocked = new HashSet<>();
    private long files;

    Chats(User bot, TimeSource time) {
        this.bot = bot;
        this.time = time;
    }

    /** Stores a new message in the chat, with the chat's next id, and returns it as Telegram does. */
    Message send(long chatId, Content c) {
        ChatState chat = chats.computeIfAbsent(chatId, id -> new ChatState());
        long id = chat.nextId++;
        FakeMessage view = view(chatId, id, c, false, time.now().getEpochSecond());
        Stored stored = new Stored(view, c.entities(), null);
        chat.messages.put(id, stored);
        chat.history.add(new ChatEvent.Sent(view));
        return toMessage(stored);
    }

    private FakeMessage view(long chatId, long messageId, Content c, boolean edited, long date) {
        return new FakeMessage(
                chatId,
                messageId,
                c.text(),
                c.kind(),
                c.fileId(),
                rows(c.markup()),
                c.markup(),
                c.parseMode(),
                edited,
                date);
    }

    /** Replaces a stored message's content, dated as edited now, and returns it as Telegram does. */
    Message edit(Stored old, Content c) {
        FakeMessage before = old.view();
        FakeMessage after = view(before.chatId(), before.messageId(), c, true, before.date());
        Stored stored = new Stored(after, c.entities(), time.now().getEpochSecond());
        ChatState chat = Objects.requireNonNull(chats.get(before.chatId()), "the chat of a stored message");
        chat.messages.put(before.messageId(), stored);
        chat.history.add(new ChatEvent.Edited(before, after));
        return toMessage(stored);
    }

    /** The chat's current message with this id, or null. */
    @Nullable
    Stored find(long chatId, long messageId) {
        ChatState chat = chats.get(chatId);
        return chat == null ? null : chat.messages.get(messageId);
    }

    /** Deletes the message; false when the chat has no such message. */
    boolean delete(long chatId, long messageId) {
        ChatState chat = chats.get(chatId);
        if (chat == null || chat.messages.remove(messageId) == null) {
            return false;
        }
        chat.history.add(new ChatEvent.Deleted(messageId));
        return true;
    }

    void block(long chatId) {
        blocked.add(chatId);
    }

    void unblock(long chatId) {
        blocked.remove(chatId);
    }

    /** Refuses with Telegram's 403 when the chat's user blocked the bot. */
    void checkNotBlocked(long chatId) {
        if (blocked.contains(chatId)) {
            throw new Refusal(403, "Forbidden: bot was blocked by the user", null);
        }
    }

    /** A new file id for an upload of this kind, distinct from every other upload's. */
    String newFileId(String kind) {
        files++;
        return String.format(Locale.ROOT, "FAKE-%s-%04d", kind, files);
    }

    List<FakeMessage> messages(long chatId) {
        ChatState chat = chats.get(chatId);
        return chat == null
                ? List.of()
                : chat.messages.values().stream().map(Stored::view).toList();
    }

    List<ChatEvent> history(long chatId) {
        ChatState chat = chats.get(chatId);
        return chat == null ? List.of() : List.copyOf(chat.history);
    }

    long nextMessageId(long chatId) {
        ChatState chat = chats.get(chatId);
        return chat == null ? 1 : chat.nextId;
    }

    /** The rows of an inline keyboard; none for any other markup. */
    static List<List<InlineKeyboardButton>> rows(@Nullable ReplyMarkup markup) {
        return markup instanceof InlineKeyboardMarkup inline && inline.inlineKeyboard() != null
                ? inline.inlineKeyboard()
                : List.of();
    }

    private Message toMessage(Stored stored) {
        FakeMessage m = stored.view();
        Chat chat = m.chatId() > 0
                ? Chat.builder(m.chatId(), "private").firstName("Test User").build()
                : Chat.builder(m.chatId(), "supergroup").title("Test Group").build();
        Message.Builder b =
                Message.builder(m.messageId(), m.date(), chat).from(bot).editDate(stored.editDate());
        // Only the media kinds read these, and every media message has a file; a text message has none.
        String fileId = Objects.requireNonNullElse(m.fileId(), "");
        String unique = "U" + Integer.toHexString(fileId.hashCode());
        switch (m.kind()) {
            case "photo" -> b.photo(List.of(PhotoSize.of(fileId, unique, 800, 600)));
            case "document" -> b.document(Document.of(fileId, unique));
            case "video" -> b.video(Video.of(fileId, unique, 640, 360, 1));
            case "animation" -> b.animation(Animation.of(fileId, unique, 320, 240, 1));
            case "audio" -> b.audio(Audio.of(fileId, unique, 1));
            default -> b.text(m.text());
        }
        if (!m.kind().equals("text")) {
            b.caption(m.text());
        }
        if (m.replyMarkup() instanceof InlineKeyboardMarkup inline) {
            b.replyMarkup(inline);
        }
        return b.build();
    }
}
