package dev.tgdialog.auth;

import com.google.gson.JsonParseException;
import dev.tgdialog.internal.json.Json;
import dev.tgdialog.telegram.types.User;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the {@code initData} a Mini App sends (the query string of {@code Telegram.WebApp.initData}) and reads it
 * into an {@link InitData}. With the bot's token ({@link #forToken}): the {@code hash} is the HMAC-SHA256 of the
 * data-check string (every field but {@code hash}, sorted, {@code key=value} a line) keyed with the HMAC-SHA256 of the
 * token keyed with {@code "WebAppData"}. Without it, for a third party ({@link #thirdParty}): the {@code signature} is
 * Telegram's Ed25519 signature of {@code <bot id>:WebAppData} and the data-check string without {@code hash} and
 * {@code signature}, checked against Telegram's public key for production or the test environment. Either way
 * {@code auth_date} must be no older than the maximum age (a day by default) and not ahead of the clock. Each refusal
 * is one log line (DEBUG) and an {@link InvalidAuthDataException} naming the failed check. Immutable, thread-safe.
 */
public final class InitDataValidator {
    private static final Logger log = LoggerFactory.getLogger(InitDataValidator.class);

    /** Telegram's Ed25519 key for data signed in production (core.telegram.org/bots/webapps, third-party use). */
    static final String PRODUCTION_KEY = "e7bf03a2fa4602af4580703d88dda5bb59f32ed8b02a56c187fe7d34caed242d";
    /** Telegram's Ed25519 key for data signed in the test environment (same source). */
    static final String TEST_KEY = "40055058a4ee38156a06562e52eece92a771bcd8346a8c4615cb7376eddf72ec";
    /** The DER prefix that makes a raw 32-byte Ed25519 key an X.509 public key the JDK reads. */
    private static final byte[] X509_ED25519 = HexFormat.of().parseHex("302a300506032b6570032100");

    /** Which of Telegram's environments signed the data a third party checks. */
    public enum Environment {
        PRODUCTION,
        TEST
    }

    private final byte @Nullable [] secret;
    private final long botId;
    private final @Nullable PublicKey telegramKey;
    private final Duration maxAge;
    private final Clock clock;

    private InitDataValidator(
            byte @Nullable [] secret, long botId, @Nullable PublicKey telegramKey, Duration maxAge, Clock clock) {
        this.secret = secret;
        this.botId = botId;
        this.telegramKey = telegramKey;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** A validator for the bot whose token this is (the token is used once, to make the key, and not kept). */
    public static InitDataValidator forToken(String botToken) {
        Objects.requireNonNull(botToken, "botToken");
        byte[] secret = SignedData.hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken);
        return new InitDataValidator(secret, 0, null, Duration.ofDays(1), Clock.systemUTC());
    }

    /** A validator for a third party, who has no token: Telegram's signature for bot {@code botId}. */
    public static InitDataValidator thirdParty(long botId, Environment environment) {
        return thirdParty(botId, HexFormat.of().parseHex(environment == Environment.TEST ? TEST_KEY : PRODUCTION_KEY));
    }

    /** {@link #thirdParty(long, Environment)} with another raw 32-byte Ed25519 public key (a test's own pair). */
    public static InitDataValidator thirdParty(long botId, byte[] ed25519PublicKey) {
        if (ed25519PublicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, was " + ed25519PublicKey.length);
        }
        byte[] der = new byte[X509_ED25519.length + 32];
        System.arraycopy(X509_ED25519, 0, der, 0, X509_ED25519.length);
        System.arraycopy(ed25519PublicKey, 0, der, X509_ED25519.length, 32);
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            return new InitDataValidator(null, botId, key, Duration.ofDays(1), Clock.systemUTC());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this JVM", e);
        }
    }

    /** Data older than {@code maxAge} is refused (a day by default). */
    public InitDataValidator maxAge(Duration maxAge) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("a maximum age is positive, was " + maxAge);
        }
        return new InitDataValidator(secret, botId, telegramKey, maxAge, clock);
    }

    /** Reads the time from {@code clock} (a test's fixed one). */
    public InitDataValidator clock(Clock clock) {
        return new InitDataValidator(secret, botId, telegramKey, maxAge, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * The verified data.
     *
     * @throws InvalidAuthDataException naming the check that failed
     */
    public InitData validate(String initData) throws InvalidAuthDataException {
        try {
            TreeMap<String, String> fields = SignedData.parse(initData);
            if (secret != null) {
                String hash = fields.get("hash");
                if (hash == null) {
                    throw new InvalidAuthDataException(InvalidAuthDataException.Reason.MISSING_HASH, "no hash");
                }
                if (!SignedData.sameHash(SignedData.hmac(secret, SignedData.checkString(fields, "hash")), hash)) {
                    throw new InvalidAuthDataException(
                            InvalidAuthDataException.Reason.MISMATCH,
                            "the hash does not match: the data was changed, or is for another bot");
                }
            } else {
                checkSignature(fields);
            }
            return read(fields, SignedData.checkAge(fields, maxAge, clock));
        } catch (InvalidAuthDataException e) {
            log.debug("Mini App data refused ({}): {}", e.reason(), e.getMessage());
            throw e;
        }
    }

    private void checkSignature(Map<String, String> fields) throws InvalidAuthDataException {
        String signature = fields.get("signature");
        if (signature == null) {
            throw new InvalidAuthDataException(InvalidAuthDataException.Reason.MISSING_HASH, "no signature");
        }
        String signed = botId + ":WebAppData\n" + SignedData.checkString(fields, "hash", "signature");
        boolean valid;
        try {
            byte[] bytes =
                    Base64.getUrlDecoder().decode(signature.replace('+', '-').replace('/', '_'));
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(Objects.requireNonNull(telegramKey));
            ed25519.update(signed.getBytes(StandardCharsets.UTF_8));
            valid = ed25519.verify(bytes);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new InvalidAuthDataException(
                    InvalidAuthDataException.Reason.MISMATCH,
                    "Telegram's signature does not match: the data was changed, is for another bot, or was signed "
                            + "in the other environment");
        }
    }

    private static InitData read(Map<String, String> fields, java.time.Instant authDate)
            throws InvalidAuthDataException {
        return new InitData(
                user(fields.get("user")),
                user(fields.get("receiver")),
                fields.get("chat_type"),
                fields.get("chat_instance"),
                fields.get("start_param"),
                fields.get("query_id"),
                authDate,
                fields);
    }

    static @Nullable User user(@Nullable String json) throws InvalidAuthDataException {
        if (json == null) {
            return null;
        }
        try {
            User user = Json.gson().fromJson(json, User.class);
            if (user == null || user.id() == 0) {
                throw new InvalidAuthDataException(InvalidAuthDataException.Reason.MALFORMED, "a user has no id");
            }
            return user;
        } catch (JsonParseException e) {
            throw new InvalidAuthDataException(InvalidAuthDataException.Reason.MALFORMED, "a user is not JSON");
        }
    }
}
