package dev.tgdialog.updates;

import com.google.gson.annotations.SerializedName;
import dev.tgdialog.telegram.types.UnknownUpdateKind;
import dev.tgdialog.telegram.types.Update;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The kinds of update Telegram sends, as named in {@code allowed_updates}. */
public final class UpdateKinds {
    /** The kind {@link #of} names an update of a kind the model does not know, or one that carries none. */
    public static final String UNKNOWN = "unknown";

    /** Kinds Telegram sends only when asked for by name (and only to chat administrators). */
    public static final Set<String> OPT_IN = Set.of("chat_member", "message_reaction", "message_reaction_count");

    private static final List<String> ALL = readAll();

    private UpdateKinds() {}

    /** Every kind of the Bot API version the model was generated from, in the spec's order. */
    public static List<String> all() {
        return ALL;
    }

    /** Every kind Telegram sends when asked for none in particular: all but {@link #OPT_IN}. */
    public static List<String> defaults() {
        return ALL.stream().filter(kind -> !OPT_IN.contains(kind)).toList();
    }

    /**
     * The kind of this update, one of {@link #all()} ({@code "message"}, {@code "callback_query"}, …), or
     * {@value #UNKNOWN} for a kind newer than the model: a name from a closed set, fit for a metric's tag. The common
     * kinds are looked at first, so naming an update costs a few null checks.
     *
     * @param update the update to name
     * @return its kind
     */
    public static String of(Update update) {
        if (update.message() != null) {
            return "message";
        }
        if (update.callbackQuery() != null) {
            return "callback_query";
        }
        if (update.inlineQuery() != null) {
            return "inline_query";
        }
        if (update.chosenInlineResult() != null) {
            return "chosen_inline_result";
        }
        if (update.preCheckoutQuery() != null) {
            return "pre_checkout_query";
        }
        if (update.shippingQuery() != null) {
            return "shipping_query";
        }
        if (update.pollAnswer() != null) {
            return "poll_answer";
        }
        if (update.editedMessage() != null) {
            return "edited_message";
        }
        if (update.myChatMember() != null) {
            return "my_chat_member";
        }
        if (update.channelPost() != null) {
            return "channel_post";
        }
        if (update.editedChannelPost() != null) {
            return "edited_channel_post";
        }
        if (update.businessConnection() != null) {
            return "business_connection";
        }
        if (update.businessMessage() != null) {
            return "business_message";
        }
        if (update.editedBusinessMessage() != null) {
            return "edited_business_message";
        }
        if (update.deletedBusinessMessages() != null) {
            return "deleted_business_messages";
        }
        if (update.guestMessage() != null) {
            return "guest_message";
        }
        if (update.messageReaction() != null) {
            return "message_reaction";
        }
        if (update.messageReactionCount() != null) {
            return "message_reaction_count";
        }
        if (update.purchasedPaidMedia() != null) {
            return "purchased_paid_media";
        }
        if (update.poll() != null) {
            return "poll";
        }
        if (update.chatMember() != null) {
            return "chat_member";
        }
        if (update.chatJoinRequest() != null) {
            return "chat_join_request";
        }
        if (update.chatBoost() != null) {
            return "chat_boost";
        }
        if (update.removedChatBoost() != null) {
            return "removed_chat_boost";
        }
        if (update.managedBot() != null) {
            return "managed_bot";
        }
        return UNKNOWN;
    }

    private static List<String> readAll() {
        List<String> kinds = new ArrayList<>();
        for (RecordComponent component : Update.class.getRecordComponents()) {
            String json = jsonName(component);
            // unknownKind is the model's own slot for kinds newer than it, no kind Telegram would know by that name.
            if (!json.equals("update_id") && component.getType() != UnknownUpdateKind.class) {
                kinds.add(json);
            }
        }
        return List.copyOf(kinds);
    }

    private static String jsonName(RecordComponent component) {
        try {
            SerializedName name = component
                    .getDeclaringRecord()
                    .getDeclaredField(component.getName())
                    .getAnnotation(SerializedName.class);
            return name != null ? name.value() : component.getName();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
