package dev.tgdialog.testing;

import dev.tgdialog.internal.json.Json;
import dev.tgdialog.telegram.types.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code initData} Telegram would hand a Mini App that {@code user} opens, signed for the bot of {@code token} as
 * Telegram signs it: for testing a Mini App backend ({@code MiniAppServer}) without Telegram. Stateless.
 */
public final class MiniAppLaunch {
    private MiniAppLaunch() {}

    /** Signed {@code initData} of {@code user}, made at {@code authDate}. */
    public static String initData(String token, User user, Instant authDate) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("user", Json.gson().toJson(user));
        fields.put("auth_date", Long.toString(authDate.getEpochSecond()));
        fields.put("chat_type", "sender");
        StringJoiner check = new StringJoiner("\n");
        StringJoiner query = new StringJoiner("&");
        fields.forEach((key, value) -> {
            check.add(key + "=" + value);
            query.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        byte[] secret = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), token);
        query.add("hash=" + HexFormat.of().formatHex(hmac(secret, check.toString())));
        return query.toString();
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
