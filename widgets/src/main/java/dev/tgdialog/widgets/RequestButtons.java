package dev.tgdialog.widgets;

import dev.tgdialog.Transition;
import dev.tgdialog.spi.InputWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.ReplyKeyboardWidget;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.Contact;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.telegram.types.KeyboardButtonPollType;
import dev.tgdialog.telegram.types.KeyboardButtonRequestChat;
import dev.tgdialog.telegram.types.KeyboardButtonRequestUsers;
import dev.tgdialog.telegram.types.Location;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.Poll;
import dev.tgdialog.telegram.types.WebAppInfo;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reply-keyboard buttons that ask the user's client for something: their contact, their location, users or a
 * chat to share, or a web app to open. Telegram answers a press with a message (a contact, a location,
 * {@code users_shared}, {@code chat_shared}, {@code web_app_data}), which the same widget takes and hands to its
 * handler: each is both a {@link ReplyKeyboardWidget} and an {@link InputWidget}. Such buttons work in private
 * chats only (Telegram's rule). They keep no state and emit no payload.
 */
public final class RequestButtons {
    private RequestButtons() {}

    /** Handles what a press brought. */
    @FunctionalInterface
    public interface Handler<T> {
        Transition on(WidgetContext ctx, T value) throws Exception;
    }

    /** Asks for the user's phone number (a contact card of themselves). */
    public static Request<Contact> contact(String id, String label, Handler<Contact> handler) {
        return new Request<>(
                id, KeyboardButton.builder(label).requestContact(true).build(), Message::contact, handler);
    }

    /** Asks for the user's current location. */
    public static Request<Location> location(String id, String label, Handler<Location> handler) {
        return new Request<>(
                id, KeyboardButton.builder(label).requestLocation(true).build(), Message::location, handler);
    }

    /**
     * Asks the user to pick users (with the criteria of {@code request}); the answer is the
     * {@code users_shared} message whose {@code request_id} is this button's.
     */
    public static Request<dev.tgdialog.telegram.types.UsersShared> users(
            String id,
            String label,
            KeyboardButtonRequestUsers request,
            Handler<dev.tgdialog.telegram.types.UsersShared> handler) {
        long requestId = request.requestId();
        return new Request<>(
                id,
                KeyboardButton.builder(label).requestUsers(request).build(),
                m -> m.usersShared() != null && m.usersShared().requestId() == requestId ? m.usersShared() : null,
                handler);
    }

    /** Asks the user to pick a chat (with the criteria of {@code request}); the answer is {@code chat_shared}. */
    public static Request<dev.tgdialog.telegram.types.ChatShared> chat(
            String id,
            String label,
            KeyboardButtonRequestChat request,
            Handler<dev.tgdialog.telegram.types.ChatShared> handler) {
        long requestId = request.requestId();
        return new Request<>(
                id,
                KeyboardButton.builder(label).requestChat(request).build(),
                m -> m.chatShared() != null && m.chatShared().requestId() == requestId ? m.chatShared() : null,
                handler);
    }

    /**
     * Opens a web app; what it sends back arrives as {@code web_app_data}. That data is not signed: a modified
     * client can send anything, so treat it as user input, never as proof of who the user is.
     */
    public static Request<dev.tgdialog.telegram.types.WebAppData> webApp(
            String id, String label, String url, Handler<dev.tgdialog.telegram.types.WebAppData> handler) {
        return new Request<>(
                id, KeyboardButton.builder(label).webApp(new WebAppInfo(url)).build(), Message::webAppData, handler);
    }

    /**
     * Opens a web app whose answer ({@code Telegram.WebApp.sendData}) is JSON read into {@code type} with Gson: the
     * handler gets the typed value. Data that is not JSON of that shape is answered with {@code refusal} above the
     * window, which stays. Like {@link #webApp(String, String, String, Handler)}, the data is user input, not proof.
     */
    public static <T> Request<dev.tgdialog.telegram.types.WebAppData> webApp(
            String id, String label, String url, Class<T> type, String refusal, Handler<T> handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(handler, "handler");
        return webApp(id, label, url, (ctx, data) -> {
            T value;
            try {
                value = GSON.fromJson(data.data(), type);
            } catch (com.google.gson.JsonParseException e) {
                value = null;
            }
            return value == null ? Transition.stay().reply(refusal) : handler.on(ctx, value);
        });
    }

    /**
     * Asks the user to create a poll ({@code type}: {@code quiz}, {@code regular}, or null for either) and send it;
     * the poll they send comes to the handler.
     */
    public static Request<Poll> poll(String id, String label, @Nullable String type, Handler<Poll> handler) {
        return new Request<>(
                id,
                KeyboardButton.builder(label)
                        .requestPoll(new KeyboardButtonPollType(type))
                        .build(),
                Message::poll,
                handler);
    }

    private static final com.google.gson.Gson GSON = new com.google.gson.Gson();

    /** One requesting button and the handler of its answer. */
    public static final class Request<T> implements ReplyKeyboardWidget, InputWidget {
        private final String id;
        private final KeyboardButton button;
        private final Function<Message, @Nullable T> answer;
        private final Handler<T> handler;

        Request(String id, KeyboardButton button, Function<Message, @Nullable T> answer, Handler<T> handler) {
            this.id = Objects.requireNonNull(id, "id");
            this.button = button;
            this.answer = answer;
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<List<KeyboardButton>> renderReply(RenderContext ctx) {
            return List.of(List.of(button));
        }

        @Override
        public @Nullable Transition onMessage(WidgetContext ctx, Message message) throws Exception {
            T value = answer.apply(message);
            return value == null ? null : handler.on(ctx, value);
        }
    }
}
