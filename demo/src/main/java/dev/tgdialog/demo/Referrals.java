package dev.tgdialog.demo;

import dev.tgdialog.links.BotLink;
import dev.tgdialog.links.DeepLink;
import dev.tgdialog.links.PayloadCodec;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's referral programme, in memory: each user's own signed link ({@code /ref}), and who brought whom. A new
 * user credits the first referrer whose link they open, once, and never themselves. Thread-safe.
 */
public final class Referrals {
    private final BotLink bot;
    private final DeepLink<Long> link;
    /** Who brought each user, by the user's id; the first referrer stays. */
    private final Map<Long, Long> referrerOf = new ConcurrentHashMap<>();

    /**
     * Referrals for the bot with this username; links are signed with {@code secret} (at least
     * {@link PayloadCodec#MIN_SECRET_BYTES} bytes), so a link made with another secret, or edited, is refused.
     */
    public Referrals(String botUsername, byte[] secret) {
        this.bot = BotLink.of(botUsername);
        this.link = DeepLink.of("ref", PayloadCodec.longValue().signed(secret))
                .refusal("This invitation link is not valid. Ask your friend to send it again.");
    }

    /** A fresh random secret: links made with it stop working when the bot restarts with another. */
    static byte[] newSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** The kind of deep link a referral is: the referrer's user id, signed. */
    DeepLink<Long> link() {
        return link;
    }

    /** The {@code t.me} link this user shares to bring friends. */
    String linkOf(long userId) {
        return bot.start(link.payload(userId));
    }

    /**
     * Credits {@code referrer} with {@code newUser}; false, crediting nobody, when the user opened their own link
     * or was brought by someone already.
     */
    boolean credit(long referrer, long newUser) {
        return referrer != newUser && referrerOf.putIfAbsent(newUser, referrer) == null;
    }

    /** How many users this referrer brought. */
    long credits(long referrer) {
        return referrerOf.values().stream().filter(r -> r == referrer).count();
    }
}
