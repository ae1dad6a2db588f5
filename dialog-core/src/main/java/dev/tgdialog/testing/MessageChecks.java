package dev.tgdialog.testing;

import static dev.tgdialog.testing.Refusal.badRequest;

import com.google.gson.JsonElement;
import dev.tgdialog.internal.text.Markup;
import dev.tgdialog.internal.text.MarkupException;
import dev.tgdialog.telegram.Limits;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import dev.tgdialog.telegram.types.ReplyMarkup;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What Telegram checks in a message's content before it sends or edits it: the text and caption against
 * {@link Limits} after entity parsing, the parse mode, and the keyboards, each refused in Telegram's words.
 */
final class MessageChecks {
    private static final Set<String> PARSE_MODES = Set.of("html", "markdown", "markdownv2");

    private MessageChecks() {}

    /** The text, refused when it is empty or, after entity parsing, empty or too long. */
    static String text(@Nullable String text, @Nullable String parseMode) {
        if (text == null || text.isBlank()) {
            throw badRequest("message text is empty");
        }
        String visible = visible(text, parseMode);
        if (visible.isBlank()) {
            throw badRequest("message text is empty");
        }
        if (visible.length() > Limits.MESSAGE_TEXT) {
            throw badRequest("message is too long");
        }
        return text;
    }

    /** The caption (none is fine), refused when it is too long after entity parsing. */
    static @Nullable String caption(@Nullable String caption, @Nullable String parseMode) {
        if (caption != null && visible(caption, parseMode).length() > Limits.CAPTION) {
            throw badRequest("message caption is too long");
        }
        return caption;
    }

    /** The request's {@code parse_mode}, refused when Telegram has no such mode. */
    static @Nullable String parseMode(Params p) {
        String mode = p.string("parse_mode");
        checkParseMode(mode);
        return mode;
    }

    static void checkParseMode(@Nullable String mode) {
        if (mode != null && !mode.isEmpty() && !PARSE_MODES.contains(mode.toLowerCase(Locale.ROOT))) {
            throw badRequest("unsupported parse_mode");
        }
    }

    /** The reply markup of a send: any kind, checked as Telegram checks keyboards. */
    static @Nullable ReplyMarkup replyMarkup(Params p) {
        ReplyMarkup markup = markup(p, ReplyMarkup.class, "can't parse reply keyboard markup JSON object");
        if (markup instanceof InlineKeyboardMarkup inline) {
            checkInline(inline, false);
        } else if (markup instanceof ReplyKeyboardMarkup keyboard) {
            checkKeyboard(keyboard);
        }
        return markup;
    }

    /**
     * The reply markup of an invoice: inline only, and when it has buttons the first is a Pay button (Telegram adds
     * one itself when there are none).
     */
    static @Nullable InlineKeyboardMarkup invoiceMarkup(Params p) {
        return firstButtonMarkup(p, true);
    }

    /**
     * The reply markup of an invoice ({@code pay}) or a game: inline only, and when it has buttons the first is its
     * Pay or Play button (Telegram adds one itself when there are none).
     */
    static @Nullable InlineKeyboardMarkup firstButtonMarkup(Params p, boolean pay) {
        InlineKeyboardMarkup markup =
                markup(p, InlineKeyboardMarkup.class, "can't parse inline keyboard markup JSON object");
        if (markup == null) {
            return null;
        }
        InlineKeyboardButton first = markup.inlineKeyboard() == null
                        || markup.inlineKeyboard().isEmpty()
                        || markup.inlineKeyboard().get(0).isEmpty()
                ? null
                : markup.inlineKeyboard().get(0).get(0);
        if (first == null || (pay ? !Boolean.TRUE.equals(first.pay()) : first.callbackGame() == null)) {
            // An invoice's first button must be its Pay button, a game's its Play button.
            throw badRequest(pay ? "REPLY_MARKUP_BUY_EMPTY" : "REPLY_MARKUP_GAME_EMPTY");
        }
        checkInline(markup, true);
        return markup;
    }

    /** The reply markup of an edit, which can only be an inline keyboard. */
    static @Nullable InlineKeyboardMarkup inlineMarkup(Params p) {
        InlineKeyboardMarkup markup =
                markup(p, InlineKeyboardMarkup.class, "can't parse inline keyboard markup JSON object");
        if (markup != null) {
            checkInline(markup, false);
        }
        return markup;
    }

    /** The {@code reply_markup} read as a {@code type}, or null if absent. */
    private static <T> @Nullable T markup(Params p, Class<T> type, String refusal) {
        JsonElement json = p.json("reply_markup");
        if (json == null) {
            return null;
        }
        if (!json.isJsonObject()) {
            throw badRequest(refusal);
        }
        return Params.read(json, type, refusal);
    }

    /** The text as Telegram shows it after entity parsing; broken markup is refused as Telegram refuses it. */
    private static String visible(String text, @Nullable String parseMode) {
        try {
            return Markup.parse(text, parseMode).visible();
        } catch (MarkupException e) {
            throw badRequest("can't parse entities: " + e.getMessage());
        }
    }

    /**
     * Checks an inline keyboard; a Pay or Play button is refused anywhere but first ({@code specialFirst}: the
     * keyboard of an invoice or a game, whose first button it must be), as Telegram refuses it.
     */
    private static void checkInline(InlineKeyboardMarkup markup, boolean specialFirst) {
        if (markup.inlineKeyboard() == null) {
            throw badRequest("can't parse inline keyboard markup JSON object");
        }
        checkRows(markup.inlineKeyboard(), "inline keyboard", InlineKeyboardButton::text, MessageChecks::checkAction);
        boolean first = true;
        for (List<InlineKeyboardButton> row : markup.inlineKeyboard()) {
            for (InlineKeyboardButton button : row) {
                if (Invoices.special(button) && !(first && specialFirst)) {
                    throw badRequest("BUTTON_TYPE_INVALID" /* Pay and Play only as an invoice's or game's first */);
                }
                first = false;
            }
        }
    }

    private static void checkKeyboard(ReplyKeyboardMarkup markup) {
        if (markup.keyboard() == null) {
            throw badRequest("can't parse reply keyboard markup JSON object");
        }
        checkRows(markup.keyboard(), "keyboard", KeyboardButton::text, button -> {});
    }

    /** Refuses an empty row or a button without a text, and has {@code check} check each button. */
    private static <B> void checkRows(
            List<List<B>> rows, String keyboard, Function<B, @Nullable String> text, Consumer<B> check) {
        int rowNumber = 0;
        for (List<B> row : rows) {
            rowNumber++;
            if (row == null || row.isEmpty()) {
                throw badRequest(FakeTelegram.EMPTY_ROW + rowNumber);
            }
            for (B button : row) {
                if (button == null || text.apply(button) == null) {
                    throw badRequest("can't parse " + keyboard + " button: Field \"text\" must be of type String");
                }
                check.accept(button);
            }
        }
    }

    /** Picks the button's action in the Bot API server's order; only a callback button's data is checked. */
    private static void checkAction(InlineKeyboardButton b) {
        if (b.url() != null || b.loginUrl() != null) {
            return;
        }
        String data = b.callbackData();
        if (data != null && !data.isEmpty()) {
            if (data.getBytes(StandardCharsets.UTF_8).length > Limits.CALLBACK_DATA_BYTES) {
                throw badRequest("BUTTON_DATA_INVALID");
            }
            return;
        }
        boolean hasAction = b.callbackGame() != null
                || b.pay() != null
                || b.switchInlineQuery() != null
                || b.switchInlineQueryCurrentChat() != null
                || b.switchInlineQueryChosenChat() != null
                || b.webApp() != null
                || b.copyText() != null;
        if (!hasAction) {
            throw badRequest("text buttons are unallowed in the inline keyboard");
        }
    }
}
