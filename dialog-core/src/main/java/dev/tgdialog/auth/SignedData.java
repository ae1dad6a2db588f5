package dev.tgdialog.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the checks of Telegram's signed data share: reading the pairs, the data-check string, HMAC, the age. */
final class SignedData {
    /** How far {@code auth_date} may be ahead of this host's clock: clocks differ by a little. */
    static final Duration SKEW = Duration.ofSeconds(30);

    private SignedData() {}

    /** The pairs of a query string, decoded, sorted by key; a key given twice is malformed. */
    static TreeMap<String, String> parse(String query) throws InvalidAuthDataException {
        TreeMap<String, String> fields = new TreeMap<>();
        if (query.isBlank()) {
            throw new InvalidAuthDataException(InvalidAuthDataException.Reason.MALFORMED, "the data is empty");
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidAuthDataException(
                        InvalidAuthDataException.Reason.MALFORMED, "a field is not key=value");
            }
            try {
                String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (fields.put(key, value) != null) {
                    throw new InvalidAuthDataException(
                            InvalidAuthDataException.Reason.MALFORMED, "field " + key + " is given twice");
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidAuthDataException(
                        InvalidAuthDataException.Reason.MALFORMED, "a field is not URL-encoded");
            }
        }
        return fields;
    }

    /** {@code key=value} of every field but those left out, sorted, a line each (no line feed at the end). */
    static String checkString(Map<String, String> sorted, String... leftOut) {
        StringJoiner lines = new StringJoiner("\n");
        sorted.forEach((key, value) -> {
            for (String out : leftOut) {
                if (out.equals(key)) {
                    return;
                }
            }
            lines.add(key + "=" + value);
        });
        return lines.toString();
    }

    static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Whether {@code hash} (hex, any case) is {@code expected}, compared in constant time. */
    static boolean sameHash(byte[] expected, String hash) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hash.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    /** The moment {@code auth_date} names, checked against {@code maxAge} and the clock. */
    static Instant checkAge(Map<String, String> fields, Duration maxAge, Clock clock) throws InvalidAuthDataException {
        String date = fields.get("auth_date");
        if (date == null) {
            throw new InvalidAuthDataException(InvalidAuthDataException.Reason.EXPIRED, "auth_date is missing");
        }
        Instant authDate;
        try {
            authDate = Instant.ofEpochSecond(Long.parseLong(date));
        } catch (NumberFormatException e) {
            throw new InvalidAuthDataException(InvalidAuthDataException.Reason.MALFORMED, "auth_date is no number");
        }
        Instant now = clock.instant();
        if (authDate.isAfter(now.plus(SKEW))) {
            throw new InvalidAuthDataException(
                    InvalidAuthDataException.Reason.FROM_THE_FUTURE,
                    "auth_date is " + Duration.between(now, authDate).toSeconds() + " s ahead of this host's clock");
        }
        if (authDate.isBefore(now.minus(maxAge))) {
            throw new InvalidAuthDataException(
                    InvalidAuthDataException.Reason.EXPIRED,
                    "auth_date is " + Duration.between(authDate, now).toSeconds() + " s old, more than the "
                            + maxAge.toSeconds() + " s allowed");
        }
        return authDate;
    }
}
