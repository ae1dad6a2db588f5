package dev.tgdialog.internal.http;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import dev.tgdialog.telegram.BotMethod;
import dev.tgdialog.telegram.InputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * Turns a {@link BotMethod} into an HTTP body: JSON for plain calls, multipart/form-data when it carries uploads.
 * In multipart, an upload in a top-level field is a part named like the field; an upload nested in an object
 * (an {@code InputMedia}'s {@code media}) is a part referenced as {@code attach://<name>}, as the Bot API asks.
 */
public final class RequestEncoder {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final MediaType OCTET = MediaType.get("application/octet-stream");
    private static final String ATTACH = "attach://";

    private final Gson gson;

    public RequestEncoder(Gson gson) {
        this.gson = gson;
    }

    /** The body for this call. */
    public RequestBody encode(BotMethod<?> method) {
        if (!method.mayUpload()) {
            return json(method);
        }
        Map<String, InputFile.Upload> uploads = new LinkedHashMap<>();
        Gson collecting = gson.newBuilder()
                .registerTypeHierarchyAdapter(InputFile.class, new CollectingAdapter(uploads))
                .create();
        JsonObject fields = collecting.toJsonTree(method).getAsJsonObject();
        if (uploads.isEmpty()) {
            return RequestBody.create(gson.toJson(fields), JSON);
        }
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        for (Map.Entry<String, JsonElement> field : fields.entrySet()) {
            JsonElement value = field.getValue();
            if (value.isJsonPrimitive()) {
                String text = value.getAsString();
                InputFile.Upload direct =
                        text.startsWith(ATTACH) ? uploads.remove(text.substring(ATTACH.length())) : null;
                if (direct != null) {
                    body.addFormDataPart(
                            field.getKey(), direct.fileName(), RequestBody.create(direct.content(), OCTET));
                } else {
                    body.addFormDataPart(field.getKey(), text);
                }
            } else {
                // Nested objects and arrays travel as JSON-serialised strings in form bodies.
                body.addFormDataPart(field.getKey(), gson.toJson(value));
            }
        }
        for (Map.Entry<String, InputFile.Upload> nested : uploads.entrySet()) {
            InputFile.Upload upload = nested.getValue();
            body.addFormDataPart(nested.getKey(), upload.fileName(), RequestBody.create(upload.content(), OCTET));
        }
        return body.build();
    }

    /** The call as a JSON body. */
    private RequestBody json(BotMethod<?> method) {
        return RequestBody.create(gson.toJson(method, method.getClass()).getBytes(StandardCharsets.UTF_8), JSON);
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
