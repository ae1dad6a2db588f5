package dev.tgdialog.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs Mini App {@code initData} in a test exactly as Telegram's documentation describes it
 * (core.telegram.org/bots/webapps, "Validating data received via the Mini App"), written apart from the code under
 * test so that each checks the other.
 */
public final class SignedForTests {
    private SignedForTests() {}

    public static byte[] hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every field, sorted, {@code key=value} a line. */
    public static String checkString(Map<String, String> fields) {
        StringJoiner lines = new StringJoiner("\n");
        new TreeMap<>(fields).forEach((k, v) -> lines.add(k + "=" + v));
        return lines.toString();
    }

    /** The fields as a URL-encoded query string, in their order. */
    public static String query(Map<String, String> fields) {
        StringJoiner query = new StringJoiner("&");
        fields.forEach((k, v) -> query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return query.toString();
    }

    /** {@code fields} with the {@code hash} the bot of {@code token} would check, as a query string. */
    public static String initData(String token, Map<String, String> fields) throws Exception {
        byte[] secret = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), token);
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("hash", HexFormat.of().formatHex(hmac(secret, checkString(fields))));
        return query(all);
    }
}
