package dev.tgdialog.internal.http;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import dev.tgdialog.telegram.BotMethod;
import dev.tgdialog.telegram.InputFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link BotMethod} into an HTTP body: JSON for plain calls, multipart/form-data when it carries uploads.
 * In multipart, an upload in a top-level field is a part named like the field; an upload nested in an object
 * (an {@code InputMedia}'s {@code media}) is a part referenced as {@code attach://<name>}, as the Bot API asks.
 * The body is bytes, written here rather than by an HTTP library, so every transport sends the same request.
 */
public final class RequestEncoder {
    private static final String JSON = "application/json; charset=utf-8";
    private static final String ATTACH = "attach://";
    private static final SecureRandom BOUNDARIES = new SecureRandom();

    /** An encoded body and its content type. */
    public record Body(String contentType, byte[] bytes) {}

    private final Gson gson;

    public RequestEncoder(Gson gson) {
        this.gson = gson;
    }

    /** The body for this call. */
    public Body encode(BotMethod<?> method) {
        if (!method.mayUpload()) {
            return json(method);
        }
        Map<String, InputFile.Upload> uploads = new LinkedHashMap<>();
        Gson collecting = gson.newBuilder()
                .registerTypeHierarchyAdapter(InputFile.class, new CollectingAdapter(uploads))
                .create();
        JsonObject fields = collecting.toJsonTree(method).getAsJsonObject();
        if (uploads.isEmpty()) {
            return new Body(JSON, gson.toJson(fields).getBytes(StandardCharsets.UTF_8));
        }
        Multipart body = new Multipart();
        for (Map.Entry<String, JsonElement> field : fields.entrySet()) {
            JsonElement value = field.getValue();
            if (value.isJsonPrimitive()) {
                String text = value.getAsString();
                InputFile.Upload direct =
                        text.startsWith(ATTACH) ? uploads.remove(text.substring(ATTACH.length())) : null;
                if (direct != null) {
                    body.file(field.getKey(), direct.fileName(), direct.content());
                } else {
                    body.field(field.getKey(), text);
                }
            } else {
                // Nested objects and arrays travel as JSON-serialised strings in form bodies.
                body.field(field.getKey(), gson.toJson(value));
            }
        }
        for (Map.Entry<String, InputFile.Upload> nested : uploads.entrySet()) {
            InputFile.Upload upload = nested.getValue();
            body.file(nested.getKey(), upload.fileName(), upload.content());
        }
        return body.finish();
    }

    /** The call as a JSON body. */
    private Body json(BotMethod<?> method) {
        return new Body(JSON, gson.toJson(method, method.getClass()).getBytes(StandardCharsets.UTF_8));
    }

    /** A multipart/form-data body (RFC 7578) under a random boundary. */
    private static final class Multipart {
        private final String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart() {
            byte[] random = new byte[16];
            BOUNDARIES.nextBytes(random);
            StringBuilder b = new StringBuilder("tgdialog-");
            for (byte x : random) {
                b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
            }
            this.boundary = b.toString();
        }

        void field(String name, String value) {
            head("form-data; name=\"" + quoted(name) + "\"", null);
            write(value.getBytes(StandardCharsets.UTF_8));
            write("\r\n");
        }

        void file(String name, String fileName, byte[] content) {
            head(
                    "form-data; name=\"" + quoted(name) + "\"; filename=\"" + quoted(fileName) + "\"",
                    "application/octet-stream");
            write(content);
            write("\r\n");
        }

        Body finish() {
            write("--" + boundary + "--\r\n");
            return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }

        /** A part's head; a text part has no Content-Type, which means UTF-8 text to the Bot API. */
        private void head(String disposition, @Nullable String type) {
            write("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
                    + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n");
        }

        /**
         * A name inside a quoted header parameter: a quote or a line break in a file name would otherwise end the
         * parameter or the header (escaped as browsers and OkHttp do).
         */
        private static String quoted(String name) {
            return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
        }

        private void write(String text) {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        private void write(byte[] bytes) {
            out.write(bytes, 0, bytes.length);
        }
    }

    /** Writes references as strings and uploads as {@code attach://fileN}, remembering each upload. */
    private static final class CollectingAdapter extends TypeAdapter<InputFile> {
        private final Map<String, InputFile.Upload> uploads;

        CollectingAdapter(Map<String, InputFile.Upload> uploads) {
            this.uploads = uploads;
        }

        @Override
        public void write(JsonWriter out, InputFile value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else if (value instanceof InputFile.Reference ref) {
                out.value(ref.value());
            } else {
                String name = "file" + uploads.size();
                uploads.put(name, (InputFile.Upload) value);
                out.value(ATTACH + name);
            }
        }

        @Override
        public InputFile read(JsonReader in) {
            throw new UnsupportedOperationException("files are only written");
        }
    }
}
