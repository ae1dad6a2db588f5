package dev.tgdialog.auth;

import dev.tgdialog.telegram.types.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies what the Telegram Login Widget (or a {@code login_url} button) hands a website: the {@code hash} is the
 * HMAC-SHA256 of the data-check string (every field but {@code hash}, sorted, {@code key=value} a line) keyed with the
 * SHA-256 of the bot's token, and {@code auth_date} no older than the maximum age (a day by default). Each refusal is
 * one log line (DEBUG) and an {@link InvalidAuthDataException} naming the failed check. Immutable, thread-safe.
 */
public final class LoginWidgetValidator {
    private static final Logger log = LoggerFactory.getLogger(LoginWidgetValidator.class);

    private final byte[] secret;
    private final Duration maxAge;
    private final Clock clock;

    private LoginWidgetValidator(byte[] secret, Duration maxAge, Clock clock) {
        this.secret = secret;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** A validator for the bot whose token this is (used once, to make the key, and not kept). */
    public static LoginWidgetValidator forToken(String botToken) {
        try {
            byte[] secret = MessageDigest.getInstance("SHA-256")
                    .digest(Objects.requireNonNull(botToken, "botToken").getBytes(StandardCharsets.UTF_8));
            return new LoginWidgetValidator(secret, Duration.ofDays(1), Clock.systemUTC());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Data older than {@code maxAge} is refused (a day by default). */
    public LoginWidgetValidator maxAge(Duration maxAge) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("a maximum age is positive, was " + maxAge);
        }
        return new LoginWidgetValidator(secret, maxAge, clock);
    }

    /** Reads the time from {@code clock} (a test's fixed one). */
    public LoginWidgetValidator clock(Clock clock) {
        return new LoginWidgetValidator(secret, maxAge, Objects.requireNonNull(clock, "clock"));
    }

    /** The verified user of the query string the widget redirected with ({@code id=…&first_name=…&hash=…}). */
    public User validate(String query) throws InvalidAuthDataException {
        return validate(SignedData.parse(query));
    }

    /**
     * The verified user of the fields the widget's JavaScript callback gave ({@code id}, {@code first_name},
     * {@code last_name}, {@code username}, {@code photo_url}, {@code auth_date}, {@code hash}).
     *
     * @throws InvalidAuthDataException naming the check that failed
     */
    public User validate(Map<String, String> fields) throws InvalidAuthDataException {
        try {
            TreeMap<String, String> sorted = new TreeMap<>(fields);
            String hash = sorted.get("hash");
            if (hash == null) {
                throw new InvalidAuthDataException(InvalidAuthDataException.Reason.MISSING_HASH, "no hash");
            }
            if (!SignedData.sameHash(SignedData.hmac(secret, SignedData.checkString(sorted, "hash")), hash)) {
                throw new InvalidAuthDataException(
                        InvalidAuthDataException.Reason.MISMATCH,
                        "the hash does not match: the data was changed, or is for another bot");
            }
            SignedData.checkAge(sorted, maxAge, clock);
            long id;
            try {
                id = Long.parseLong(Objects.requireNonNullElse(sorted.get("id"), ""));
            } catch (NumberFormatException e) {
                throw new InvalidAuthDataException(InvalidAuthDataException.Reason.MALFORMED, "id is no number");
            }
            return User.builder(id, false, Objects.requireNonNullElse(sorted.get("first_name"), ""))
                    .lastName(sorted.get("last_name"))
                    .username(sorted.get("username"))
                    .build();
        } catch (InvalidAuthDataException e) {
            log.debug("Login data refused ({}): {}", e.reason(), e.getMessage());
            throw e;
        }
    }
}
