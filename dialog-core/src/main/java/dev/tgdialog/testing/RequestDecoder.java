package dev.tgdialog.testing;

import static dev.tgdialog.testing.Refusal.badRequest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.tgdialog.telegram.Transport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Bot API request as the server does: the method name and token from the path
 * {@code /bot<token>/<method>}, and the parameters from the query string and a JSON, form or multipart body, every
 * encoding the Bot API accepts. A request it cannot read is refused as Telegram refuses it. It reads the bytes a
 * {@link Transport} would send, with no HTTP library, so the fake answers on any transport.
 */
final class RequestDecoder {
    private static final Pattern PART_NAME = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"");
    private static final Pattern PART_FILE = Pattern.compile("(?:^|;)\\s*filename=\"([^\"]*)\"");

    private RequestDecoder() {}

    /**
     * The method named by the request's path, as sent (any case); 404 for a path that names none (a file download
     * included), 401 for a token other than {@code token}.
     */
    static String method(Transport.Request request, String token) {
        List<String> segments = pathSegments(request);
        int botSegment = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).startsWith("bot")) {
                botSegment = i;
                break;
            }
        }
        if (botSegment < 0
                || botSegment == segments.size() - 1
                || (botSegment > 0 && segments.get(0).equals("file"))) {
            throw Refusal.notFound();
        }
        if (!segments.get(botSegment).equals("bot" + token)) {
            throw new Refusal(401, "Unauthorized", null);
        }
        return segments.get(segments.size() - 1);
    }

    private static List<String> pathSegments(Transport.Request request) {
        String path = request.url().getRawPath();
        List<String> segments = new ArrayList<>();
        for (String s : (path == null ? "" : path).split("/", -1)) {
            segments.add(decode(s, false));
        }
        // "/bot<token>/getMe" splits into "", "bot<token>", "getMe": the empty first piece is no segment.
        if (!segments.isEmpty() && segments.get(0).isEmpty()) {
            segments.remove(0);
        }
        return segments;
    }

    /** The request's parameters: the query string's, then the body's by its content type. */
    static Params params(Transport.Request request) {
        JsonObject fields = new JsonObject();
        Map<String, String> files = new LinkedHashMap<>();
        addQuery(request.url().getRawQuery(), fields);
        String type = request.contentType();
        if (type == null) {
            return new Params(fields, files);
        }
        byte[] body = request.body();
        String kind = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (kind.equals("multipart/form-data")) {
            readMultipart(body, parameter(type, "boundary"), fields, files);
        } else if (kind.equals("application/x-www-form-urlencoded")) {
            addQuery(new String(body, StandardCharsets.UTF_8), fields);
        } else {
            readJson(new String(body, StandardCharsets.UTF_8), fields);
        }
        return new Params(fields, files);
    }

    private static void addQuery(@Nullable String query, JsonObject fields) {
        if (query == null || query.isEmpty()) {
            return;
        }
        // A name given twice counts once, by its first value; the body's fields, added later, win over the URL's.
        Map<String, @Nullable String> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            if (!name.isEmpty() && !values.containsKey(name)) {
                values.put(name, eq < 0 ? null : decode(pair.substring(eq + 1), true));
            }
        }
        values.forEach(fields::addProperty);
    }

    private static String decode(String s, boolean plusIsSpace) {
        try {
            return URLDecoder.decode(plusIsSpace ? s : s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badRequest("can't parse request: malformed percent-encoding");
        }
    }

    private static @Nullable String parameter(String contentType, String name) {
        for (String p : contentType.split(";")) {
            String[] kv = p.strip().split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase(name)) {
                String v = kv[1].strip();
                return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    /** Text parts become fields; file parts are kept by their file name, their bytes unread (RFC 7578). */
    private static void readMultipart(
            byte[] body, @Nullable String boundary, JsonObject fields, Map<String, String> files) {
        if (boundary == null || boundary.isEmpty()) {
            throw badRequest("can't parse multipart/form-data request: no boundary");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw badRequest("can't parse multipart/form-data request");
        }
        at += delimiter.length;
        while (true) {
            if (startsWith(body, at, "--")) {
                return;
            }
            if (!startsWith(body, at, "\r\n")) {
                throw badRequest("can't parse multipart/form-data request");
            }
            int headStart = at + 2;
            int headEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headStart);
            int end = headEnd < 0 ? -1 : indexOf(body, next, headEnd + 4);
            if (end < 0) {
                throw badRequest("can't parse multipart/form-data request");
            }
            String head = new String(body, headStart, headEnd - headStart, StandardCharsets.UTF_8);
            String disposition = null;
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Content-Disposition")) {
                    disposition = line.substring(colon + 1).strip();
                }
            }
            String name = disposition == null ? null : group(PART_NAME, disposition);
            if (disposition != null && name != null) {
                String fileName = group(PART_FILE, disposition);
                if (fileName != null) {
                    files.put(name, fileName);
                } else {
                    fields.addProperty(name, new String(body, headEnd + 4, end - headEnd - 4, StandardCharsets.UTF_8));
                }
            }
            at = end + next.length;
        }
    }

    private static boolean startsWith(byte[] body, int at, String ascii) {
        if (at + ascii.length() > body.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (body[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i + needle.length <= body.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A JSON object body; an empty body has no parameters. */
    private static void readJson(String text, JsonObject fields) {
        if (text.isBlank()) {
            return;
        }
        JsonElement json;
        try {
            json = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw badRequest("can't parse JSON encoded request: " + e.getMessage());
        }
        if (!json.isJsonObject()) {
            throw badRequest("can't parse JSON encoded request: not an object");
        }
        for (Map.Entry<String, JsonElement> field : json.getAsJsonObject().entrySet()) {
            fields.add(field.getKey(), field.getValue());
        }
    }

    private static @Nullable String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
