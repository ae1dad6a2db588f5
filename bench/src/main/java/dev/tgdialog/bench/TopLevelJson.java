package dev.tgdialog.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Splits a JSON object into its top-level members, each value kept as raw JSON text (strings with their quotes,
 * objects as written). The bench fake only needs a few fields of each request and echoes the keyboard back as it
 * came, so a single pass with no tree is enough (V8's JSON.parse plays this part in the Node peers' harness).
 */
final class TopLevelJson {
    private TopLevelJson() {}

    static Map<String, String> members(String json) {
        Map<String, String> out = new HashMap<>();
        int i = skipSpace(json, 0);
        if (json.charAt(i) != '{') {
            throw new IllegalArgumentException("not a JSON object");
        }
        i = skipSpace(json, i + 1);
        while (json.charAt(i) != '}') {
            int keyEnd = endOfString(json, i);
            String key = json.substring(i + 1, keyEnd - 1);
            i = skipSpace(json, keyEnd);
            i = skipSpace(json, i + 1);
            int valueEnd = endOfValue(json, i);
            out.put(key, json.substring(i, valueEnd));
            i = skipSpace(json, valueEnd);
            if (json.charAt(i) == ',') {
                i = skipSpace(json, i + 1);
            }
        }
        return out;
    }

    /** The value of a raw JSON string literal, unescaped. */
    static String string(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw.substring(1, raw.length() - 1);
        }
        return com.google.gson.JsonParser.parseString(raw).getAsString();
    }

    private static int skipSpace(String s, int i) {
        while (Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int endOfString(String s, int i) {
        for (int j = i + 1; ; j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '"') {
                return j + 1;
            }
        }
    }

    private static int endOfValue(String s, int i) {
        char c = s.charAt(i);
        if (c == '"') {
            return endOfString(s, i);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            for (int j = i; ; j++) {
                char d = s.charAt(j);
                if (d == '"') {
                    j = endOfString(s, j) - 1;
                } else if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    if (--depth == 0) {
                        return j + 1;
                    }
                }
            }
        }
        int j = i;
        while (j < s.length() && ",}] \n\r\t".indexOf(s.charAt(j)) < 0) {
            j++;
        }
        return j;
    }
}
