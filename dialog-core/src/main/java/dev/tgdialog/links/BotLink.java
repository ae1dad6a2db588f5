package dev.tgdialog.links;

import dev.tgdialog.telegram.Limits;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code https://t.me/...} links that open a bot: in private with a payload, in a group or channel it is added
 * to, in its Mini Apps and its attachment menu. Every payload is checked when the link is built: at most
 * {@link Limits#START_PARAMETER} characters of {@code A-Za-z0-9_-}. Immutable and thread-safe.
 *
 * <pre>{@code
 * BotLink bot = BotLink.of("PizzaBot");
 * bot.start(REFERRAL.payload(userId));                        // https://t.me/PizzaBot?start=ref_...
 * bot.startGroup("", AdminRight.DELETE_MESSAGES);              // https://t.me/PizzaBot?startgroup&admin=delete_messages
 * }</pre>
 */
public final class BotLink {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{3,31}");
    private static final Pattern APP_NAME = Pattern.compile("[A-Za-z0-9_]{3,30}");
    private static final Pattern PAYLOAD = Pattern.compile("[A-Za-z0-9_-]*");

    private final String username;

    private BotLink(String username) {
        this.username = username;
    }

    /**
     * Links to the bot with this username (a leading {@code @} is dropped): 5-32 characters of {@code A-Za-z0-9_},
     * starting with a letter and ending in {@code bot}, as Telegram requires of bot usernames.
     */
    public static BotLink of(String username) {
        String name = username.startsWith("@") ? username.substring(1) : username;
        if (!USERNAME.matcher(name).matches() || !name.toLowerCase(Locale.ROOT).endsWith("bot")) {
            throw new IllegalArgumentException("a bot username is 5-32 of A-Z a-z 0-9 _, starts with a letter and"
                    + " ends in \"bot\", was \"" + username + "\"");
        }
        return new BotLink(name);
    }

    /** The bot's username, without the {@code @}. */
    public String username() {
        return username;
    }

    /** Opens the bot in private; the bot receives {@code /start <payload>}. The payload must not be empty. */
    public String start(String payload) {
        if (payload.isEmpty()) {
            throw new IllegalArgumentException(
                    "a start link needs a payload; https://t.me/" + username + " opens the bot without one");
        }
        return base() + "?start=" + checked(payload);
    }

    /**
     * Asks the user for a group to add the bot to, as an administrator with these rights if any are given; the bot
     * then receives {@code /start@bot <payload>} there. An empty payload leaves the parameter bare.
     */
    public String startGroup(String payload, AdminRight... rights) {
        return base() + "?startgroup" + value(payload) + admin(List.of(rights));
    }

    /** Asks the user for a channel to add the bot to as an administrator with these rights. */
    public String startChannel(AdminRight right, AdminRight... more) {
        return base() + "?startchannel" + admin(EnumSet.of(right, more));
    }

    /** Opens the bot's main Mini App with this start parameter (an empty one leaves the parameter bare). */
    public String startApp(String payload) {
        return base() + "?startapp" + value(payload);
    }

    /**
     * Opens the bot's Mini App with this short name ({@code t.me/<bot>/<app>}), with this start parameter (an empty
     * one leaves the parameter bare).
     */
    public String startApp(String appName, String payload) {
        if (!APP_NAME.matcher(appName).matches()) {
            throw new IllegalArgumentException(
                    "a Mini App's short name is 3-30 of A-Z a-z 0-9 _, was \"" + appName + "\"");
        }
        return base() + "/" + appName + "?startapp" + value(payload);
    }

    /** Opens the bot's attachment menu entry with this start parameter (an empty one leaves the parameter bare). */
    public String startAttach(String payload) {
        return base() + "?startattach" + value(payload);
    }

    @Override
    public String toString() {
        return base();
    }

    private String base() {
        return "https://t.me/" + username;
    }

    private static String value(String payload) {
        return payload.isEmpty() ? "" : "=" + checked(payload);
    }

    private static String admin(Collection<AdminRight> rights) {
        return rights.isEmpty()
                ? ""
                : "&admin="
                        + EnumSet.copyOf(rights).stream()
                                .map(AdminRight::linkName)
                                .collect(Collectors.joining("+"));
    }

    /** The payload, if Telegram takes it; otherwise fails naming its length or the character it refuses. */
    static String checked(String payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length() > Limits.START_PARAMETER) {
            throw new IllegalArgumentException("a deep-link payload is at most " + Limits.START_PARAMETER
                    + " characters, this one is " + payload.length() + ": " + payload);
        }
        if (!PAYLOAD.matcher(payload).matches()) {
            throw new IllegalArgumentException(
                    "a deep-link payload takes only A-Z a-z 0-9 _ -, was \"" + payload + "\"");
        }
        return payload;
    }
}
