package dev.tgdialog.links;

import dev.tgdialog.links.InvalidPayloadException.Reason;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Turns a typed value into a deep-link payload and back: its fields in a compact binary form
 * ({@link PayloadWriter}), as base64url without padding ({@code A-Za-z0-9_-}). A {@link #signed} codec adds an
 * HMAC-SHA256 tag made with a secret of the bot's, so a referral or invitation code can be neither made up nor
 * edited. No reflection: the author writes and reads the fields. Immutable and thread-safe.
 *
 * <pre>{@code
 * record Invite(long group, String role) {}
 * static final PayloadCodec<Invite> INVITE = PayloadCodec.<Invite>of(
 *         (out, invite) -> out.putLong(invite.group()).putString(invite.role()),
 *         in -> new Invite(in.getLong(), in.getString()))
 *     .signed(secret);
 * }</pre>
 *
 * @param <T> the value a payload carries
 */
public final class PayloadCodec<T> {
    /** Bytes of the HMAC-SHA256 tag a signed payload carries: 64 bits, 11 of its characters. */
    public static final int TAG_BYTES = 8;

    /** The shortest secret {@link #signed} takes, in bytes. */
    public static final int MIN_SECRET_BYTES = 16;

    private static final String HMAC = "HmacSHA256";
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final PayloadCodec<String> STRING = of(PayloadWriter::putString, PayloadReader::getString);
    private static final PayloadCodec<Long> LONG = of(PayloadWriter::putLong, PayloadReader::getLong);

    private final BiConsumer<PayloadWriter, ? super T> write;
    private final Function<PayloadReader, ? extends T> read;
    private final @Nullable SecretKeySpec key;

    private PayloadCodec(
            BiConsumer<PayloadWriter, ? super T> write,
            Function<PayloadReader, ? extends T> read,
            @Nullable SecretKeySpec key) {
        this.write = write;
        this.read = read;
        this.key = key;
    }

    /** A codec that writes a value's fields with {@code write} and reads them back, in the same order, with {@code read}. */
    public static <T> PayloadCodec<T> of(
            BiConsumer<PayloadWriter, ? super T> write, Function<PayloadReader, ? extends T> read) {
        return new PayloadCodec<>(Objects.requireNonNull(write, "write"), Objects.requireNonNull(read, "read"), null);
    }

    /** A text as its UTF-8 bytes: up to about 45 ASCII characters fit a 64-character payload unsigned. */
    public static PayloadCodec<String> string() {
        return STRING;
    }

    /** A number in one to ten bytes (two to fourteen characters); ids and counts stay short. */
    public static PayloadCodec<Long> longValue() {
        return LONG;
    }

    /**
     * This codec with an HMAC-SHA256 tag of {@link #TAG_BYTES} bytes over the value's bytes, keyed by
     * {@code secret} (at least {@link #MIN_SECRET_BYTES} bytes, kept out of the code like the bot's token). Use one
     * secret per kind of link, or a field that tells the kinds apart, so a payload of one kind cannot pass as
     * another that reads the same fields.
     */
    public PayloadCodec<T> signed(byte[] secret) {
        if (key != null) {
            throw new IllegalStateException("the codec is signed already");
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "a signing secret is at least " + MIN_SECRET_BYTES + " bytes, this one is " + secret.length);
        }
        return new PayloadCodec<>(write, read, new SecretKeySpec(secret.clone(), HMAC));
    }

    /** Whether payloads carry a signature. */
    public boolean isSigned() {
        return key != null;
    }

    /** The value as a payload of {@code A-Za-z0-9_-}; its length is checked where a link is built. */
    public String encode(T value) {
        PayloadWriter out = new PayloadWriter();
        write.accept(out, Objects.requireNonNull(value, "value"));
        byte[] bytes = out.bytes();
        if (key != null) {
            byte[] signed = Arrays.copyOf(bytes, bytes.length + TAG_BYTES);
            System.arraycopy(tag(key, bytes), 0, signed, bytes.length, TAG_BYTES);
            bytes = signed;
        }
        return ENCODER.encodeToString(bytes);
    }

    /**
     * The value a payload of this codec carries.
     *
     * @throws InvalidPayloadException when the payload is not one this codec made ({@code MALFORMED}), or its
     *     signature does not match ({@code FORGED}); the check takes the same time wherever the tags differ
     */
    public T decode(String payload) {
        byte[] bytes = bytes(payload);
        if (key != null) {
            if (bytes.length < TAG_BYTES) {
                throw new InvalidPayloadException(Reason.MALFORMED, "the payload is too short to carry a signature");
            }
            int length = bytes.length - TAG_BYTES;
            byte[] value = Arrays.copyOf(bytes, length);
            byte[] expected = Arrays.copyOf(tag(key, value), TAG_BYTES);
            if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, length, bytes.length))) {
                throw new InvalidPayloadException(Reason.FORGED, "the payload's signature does not match");
            }
            bytes = value;
        }
        PayloadReader in = new PayloadReader(bytes);
        T value;
        try {
            value = read.apply(in);
        } catch (InvalidPayloadException e) {
            throw e;
        } catch (RuntimeException e) {
            // The author's constructor refused what was read (a record's check, say): the payload is not one of ours.
            throw new InvalidPayloadException(Reason.MALFORMED, "the payload's fields were refused: " + e);
        }
        if (value == null) {
            throw new InvalidPayloadException(Reason.MALFORMED, "the payload read as null");
        }
        if (!in.atEnd()) {
            throw new InvalidPayloadException(Reason.MALFORMED, "the payload has bytes after its fields");
        }
        return value;
    }

    /** The payload's bytes, if it is canonical base64url without padding (so no two payloads carry the same bytes). */
    private static byte[] bytes(String payload) {
        if (!BASE64URL.matcher(payload).matches() || payload.length() % 4 == 1) {
            throw new InvalidPayloadException(Reason.MALFORMED, "the payload is not base64url");
        }
        byte[] bytes = DECODER.decode(payload);
        // A last character may carry bits the bytes do not use; only the encoder's own spelling is accepted.
        if (!ENCODER.encodeToString(bytes).equals(payload)) {
            throw new InvalidPayloadException(Reason.MALFORMED, "the payload is not canonical base64url");
        }
        return bytes;
    }

    private static byte[] tag(SecretKeySpec key, byte[] bytes) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
