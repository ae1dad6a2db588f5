package dev.tgdialog.telegram;

import dev.tgdialog.internal.text.TextCut;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The Bot API's limits, in one place: the engine cuts and checks with these, and
 * {@link dev.tgdialog.testing.FakeTelegram} refuses what goes over them, as Telegram does.
 *
 * <p>Telegram counts text lengths in UTF-16 code units of the text <em>after entity parsing</em>: with
 * {@code parse_mode} HTML, MarkdownV2 or Markdown, tags, escapes and markers do not count and {@code &amp;} counts as
 * one. {@link #cut} works on that visible length. Each limit links to the Bot API documentation that states it.
 */
public final class Limits {

    /**
     * The longest message text: 4096 UTF-16 units after entity parsing
     * (<a href="https://core.telegram.org/bots/api#sendmessage">sendMessage</a> {@code text}).
     */
    public static final int MESSAGE_TEXT = 4096;

    /**
     * The longest media caption: 1024 UTF-16 units after entity parsing
     * (<a href="https://core.telegram.org/bots/api#sendphoto">sendPhoto</a> {@code caption}).
     */
    public static final int CAPTION = 1024;

    /**
     * The longest callback data of an inline button: 64 UTF-8 bytes
     * (<a href="https://core.telegram.org/bots/api#inlinekeyboardbutton">InlineKeyboardButton</a>
     * {@code callback_data}).
     */
    public static final int CALLBACK_DATA_BYTES = 64;

    /**
     * The longest text of an answer to a callback query, shown as a toast or alert: 200 characters
     * (<a href="https://core.telegram.org/bots/api#answercallbackquery">answerCallbackQuery</a> {@code text}).
     */
    public static final int CALLBACK_ANSWER_TEXT = 200;

    /**
     * The longest bot command name, without the slash: 32 characters of {@code a-z}, {@code 0-9} and {@code _}
     * (<a href="https://core.telegram.org/bots/api#botcommand">BotCommand</a> {@code command}).
     */
    public static final int COMMAND_NAME = 32;

    /**
     * The longest description of a bot command: 256 characters
     * (<a href="https://core.telegram.org/bots/api#botcommand">BotCommand</a> {@code description}).
     */
    public static final int COMMAND_DESCRIPTION = 256;

    /**
     * The most commands one {@code setMyCommands} call may set: 100
     * (<a href="https://core.telegram.org/bots/api#setmycommands">setMyCommands</a> {@code commands}).
     */
    public static final int COMMANDS = 100;

    /**
     * The longest bot name per language: 64 characters
     * (<a href="https://core.telegram.org/bots/api#setmyname">setMyName</a> {@code name}).
     */
    public static final int BOT_NAME = 64;

    /**
     * The longest bot description per language, shown in an empty chat with the bot: 512 characters
     * (<a href="https://core.telegram.org/bots/api#setmydescription">setMyDescription</a> {@code description}).
     */
    public static final int BOT_DESCRIPTION = 512;

    /**
     * The longest bot short description per language, shown on its profile page and with links to it: 120 characters
     * (<a href="https://core.telegram.org/bots/api#setmyshortdescription">setMyShortDescription</a>
     * {@code short_description}).
     */
    public static final int BOT_SHORT_DESCRIPTION = 120;

    /**
     * The most messages one {@code deleteMessages} call may delete: 100
     * (<a href="https://core.telegram.org/bots/api#deletemessages">deleteMessages</a> {@code message_ids}).
     */
    public static final int DELETE_MESSAGES = 100;

    /**
     * The longest deep-link payload (the {@code start} parameter of a {@code t.me} link, which reaches the bot as
     * {@code /start <payload>}): 64 characters of {@code A-Z}, {@code a-z}, {@code 0-9}, {@code _} and {@code -}
     * (<a href="https://core.telegram.org/bots/features#deep-linking">Deep linking</a>).
     */
    public static final int START_PARAMETER = 64;

    /**
     * The longest webhook secret token: 256 characters of {@code A-Z}, {@code a-z}, {@code 0-9}, {@code _} and
     * {@code -} (<a href="https://core.telegram.org/bots/api#setwebhook">setWebhook</a> {@code secret_token}).
     */
    public static final int WEBHOOK_SECRET_TOKEN = 256;

    /**
     * How long after a click its callback query can still be answered. Telegram documents no figure (the
     * <a href="https://core.telegram.org/bots/api#answercallbackquery">answerCallbackQuery</a> page only says the
     * client shows a progress bar until it is answered); later answers are refused with "query is too old and
     * response timeout expired or query ID is invalid". 15 seconds is an approximation of what is observed, used by
     * {@link dev.tgdialog.testing.FakeTelegram}.
     */
    public static final Duration CALLBACK_QUERY_ANSWER_WINDOW = Duration.ofSeconds(15);

    private Limits() {}

    /**
     * The text as it is when its visible length (after entity parsing in {@code parseMode}) is at most
     * {@code limit}; else a text whose visible length is at most {@code limit}, ending in "…". The cut falls on a
     * grapheme boundary (never inside a surrogate pair, an emoji ZWJ sequence or a letter with its combining marks),
     * never inside a tag, an HTML entity, an escape or a marker, and every entity still open at the cut is closed, so
     * the result parses in {@code parseMode}. Text whose markup does not parse is returned unchanged, so that
     * Telegram's own description of the mistake reaches the author.
     *
     * @param parseMode {@code HTML}, {@code MarkdownV2}, {@code Markdown} (any case), or null for plain text
     * @param limit the visible length to fit, for example {@link #MESSAGE_TEXT}; at least 1
     */
    public static String cut(String text, @Nullable String parseMode, int limit) {
        return TextCut.cut(text, parseMode, limit);
    }
}
