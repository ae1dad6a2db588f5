package dev.tgdialog.testing;

import static dev.tgdialog.testing.Refusal.badRequest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Bot API request as the server does: the method name and token from the path
 * {@code /bot<token>/<method>}, and the parameters from the query string and a JSON, form or multipart body, every
 * encoding the Bot API accepts. A request it cannot read is refused as Telegram refuses it.
 */
final class RequestDecoder {
    private static final Pattern PART_NAME = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"");
    private static final Pattern PART_FILE = Pattern.compile("(?:^|;)\\s*filename=\"([^\"]*)\"");

    private RequestDecoder() {}

    /**
     * The method named by the request's path, as sent (any case); 404 for a path that names none (a file download
     * included), 401 for a token other than {@code token}.
     */
    static String method(Request request, String token) {
        List<String> segments = request.url().pathSegments();
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

    /** The request's parameters: the query string's, then the body's by its content type. */
    static Params params(Request request) throws IOException {
        JsonObject fields = new JsonObject();
        Map<String, String> files = new LinkedHashMap<>();
        addQuery(request.url(), fields);
        RequestBody body = request.body();
        if (body == null) {
            return new Params(fields, files);
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        MediaType type = body.contentType();
        String kind = type == null ? "" : type.type() + "/" + type.subtype();
        if (kind.equals("multipart/form-data")) {
            readMultipart(buffer, type.parameter("boundary"), fields, files);
        } else if (kind.equals("application/x-www-form-urlencoded")) {
            addQuery(HttpUrl.get("http://form.invalid/?" + buffer.readUtf8()), fields);
        } else {
            readJson(buffer.readUtf8(), fields);
        }
        return new Params(fields, files);
    }

    private static void addQuery(HttpUrl url, JsonObject fields) {
        for (String name : url.queryParameterNames()) {
            fields.addProperty(name, url.queryParameter(name));
        }
    }

    /** Text parts become fields; file parts are kept by their file name, their bytes unread. */
    private static void readMultipart(
            Buffer body, @Nullable String boundary, JsonObject fields, Map<String, String> files) {
        if (boundary == null) {
            throw badRequest("can't parse multipart/form-data request: no boundary");
        }
        try (MultipartReader reader = new MultipartReader(body, boundary)) {
            MultipartReader.Part next;
            while ((next = reader.nextPart()) != null) {
                try (MultipartReader.Part part = next) {
                    String disposition = part.headers().get("Content-Disposition");
                    String name = disposition == null ? null : group(PART_NAME, disposition);
                    if (name == null) {
                        continue;
                    }
                    String fileName = group(PART_FILE, disposition);
                    if (fileName != null) {
                        files.put(name, fileName);
                    } else {
                        fields.addProperty(name, part.body().readUtf8());
                    }
                }
            }
        } catch (IOException e) {
            throw badRequest("can't parse multipart/form-data request");
        }
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
