package dev.tgdialog.links;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One kind of deep link: a prefix that tells it from the bot's other kinds, and the codec of the value it carries.
 * Its payloads read {@code <prefix>_<value>}; a prefix has no {@code _}, so no prefix can take another's payloads.
 * Build links with {@link #payload}, route them with {@link dev.tgdialog.DialogBot.Builder#deepLink}. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * static final DeepLink<Long> REFERRAL = DeepLink.of("ref", PayloadCodec.longValue().signed(secret))
 *         .refusal("This invitation link is broken. Ask your friend for a new one.");
 * String link = BotLink.of("PizzaBot").start(REFERRAL.payload(ctx.userId()));
 * }</pre>
 *
 * @param <T> the value the link carries
 */
public final class DeepLink<T> {
    /** What a user who opens a broken or forged link of a kind with no {@link #refusal(String)} of its own is told. */
    public static final String DEFAULT_REFUSAL = "This link is not valid. Please ask for a new one.";

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]{1,16}");
    private static final char SEPARATOR = '_';

    private final String prefix;
    private final PayloadCodec<T> codec;
    private final String refusal;

    private DeepLink(String prefix, PayloadCodec<T> codec, String refusal) {
        this.prefix = prefix;
        this.codec = codec;
        this.refusal = refusal;
    }

    /** A kind of link with this prefix (1-16 of {@code A-Za-z0-9}) carrying values of this codec. */
    public static <T> DeepLink<T> of(String prefix, PayloadCodec<T> codec) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a deep link's prefix is 1-16 of A-Z a-z 0-9, was \"" + prefix + "\"");
        }
        return new DeepLink<>(prefix, Objects.requireNonNull(codec, "codec"), DEFAULT_REFUSAL);
    }

    /** This kind of link, answering a broken or forged payload with {@code message} instead of the default. */
    public DeepLink<T> refusal(String message) {
        if (message.isBlank()) {
            throw new IllegalArgumentException("the refusal of deep link " + prefix + " is blank");
        }
        return new DeepLink<>(prefix, codec, message);
    }

    /** The prefix. */
    public String prefix() {
        return prefix;
    }

    /** What a user who opens a broken or forged link of this kind is told. */
    public String refusal() {
        return refusal;
    }

    /**
     * The payload carrying {@code value}, for {@link BotLink#start} and the like.
     *
     * @throws IllegalArgumentException when it is over Telegram's 64 characters, naming its length
     */
    public String payload(T value) {
        return BotLink.checked(prefix + SEPARATOR + codec.encode(value));
    }

    /**
     * The prefix of a payload, the text before its first {@code _}, or "" when it has none; how the bot finds the
     * kind of link a payload belongs to.
     */
    public static String prefixOf(String payload) {
        int separator = payload.indexOf(SEPARATOR);
        return separator < 0 ? "" : payload.substring(0, separator);
    }

    /**
     * The value a payload of this kind carries.
     *
     * @throws InvalidPayloadException when it is not this kind's, malformed or forged
     */
    public T decode(String payload) {
        if (!prefixOf(payload).equals(prefix)) {
            throw new InvalidPayloadException(
                    InvalidPayloadException.Reason.MALFORMED, "the payload is not a " + prefix + " link's");
        }
        return codec.decode(payload.substring(prefix.length() + 1));
    }

    @Override
    public String toString() {
        return "DeepLink[" + prefix + (codec.isSigned() ? ", signed]" : "]");
    }
}
