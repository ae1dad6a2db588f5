package dev.tgdialog.internal.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.tgdialog.internal.json.generated.GeneratedAdapters;
import dev.tgdialog.telegram.ChatId;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.telegram.MessageOrTrue;
import dev.tgdialog.telegram.types.Message;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The one Gson set up for the Bot API model. Records and unions map through the adapters generated with the model
 * ({@link GeneratedAdapters}); records keep Gson's record semantics (absent fields read as null, 0 or false, unknown
 * fields are ignored, a JSON null for a primitive is refused, nulls are not written).
 * Thread-safe and shared.
 */
public final class Json {

    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            // Gson reads a document leniently unless told otherwise; Telegram's JSON is strict, and JSON that only a
            // lenient reader accepts (single quotes, comments, bare words) is refused as it always was.
            .setStrictness(Strictness.LEGACY_STRICT)
            .registerTypeAdapterFactory(new GeneratedAdapters())
            .registerTypeHierarchyAdapter(ChatId.class, new ChatIdAdapter().nullSafe())
            .registerTypeHierarchyAdapter(InputFile.class, new InputFileAdapter().nullSafe())
            .registerTypeAdapterFactory(new MessageOrTrueFactory())
            .create();

    private Json() {}

    /** The shared Gson for Bot API JSON. */
    public static Gson gson() {
        return GSON;
    }

    /**
     * Reads a whole UTF-8 document as {@code type}, as {@code gson().fromJson(text, type)} does: null for an empty
     * document, and a {@link JsonSyntaxException} for bad JSON, a wrong shape or anything after the value.
     */
    public static <T> @Nullable T fromUtf8(byte[] json, Class<T> type) {
        return GSON.fromJson(new Utf8Reader(json), type);
    }

    /**
     * Gson's own reader over a UTF-8 body, in its default strictness, decoding as it reads ({@link Utf8Reader});
     * malformed UTF-8 reads as U+FFFD.
     */
    public static JsonReader reader(byte[] utf8) {
        return new JsonReader(new Utf8Reader(utf8));
    }

    /** A chat id is a JSON number, or a string holding a {@code @username} (or, leniently, a number). */
    private static final class ChatIdAdapter extends TypeAdapter<ChatId> {
        @Override
        public void write(JsonWriter out, ChatId value) throws IOException {
            if (value instanceof ChatId.Numeric n) {
                out.value(n.id());
            } else {
                out.value(((ChatId.Username) value).username());
            }
        }

        @Override
        public ChatId read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NUMBER) {
                return ChatId.of(in.nextLong());
            }
            String s = in.nextString();
            try {
                return ChatId.of(Long.parseLong(s));
            } catch (NumberFormatException notNumeric) {
                return ChatId.of(s);
            }
        }
    }

    /**
     * A file reference is its string (file_id or URL). Uploads cannot be JSON: the client sends them as multipart
     * parts and installs its own InputFile adapter for that call, writing {@code attach://<name>}.
     */
    private static final class InputFileAdapter extends TypeAdapter<InputFile> {
        @Override
        public void write(JsonWriter out, InputFile value) throws IOException {
            if (value instanceof InputFile.Reference r) {
                out.value(r.value());
            } else {
                throw new IllegalStateException(
                        value + " is an upload: uploads go through a multipart request," + " not through Json.gson()");
            }
        }

        @Override
        public InputFile read(JsonReader in) throws IOException {
            return new InputFile.Reference(in.nextString());
        }
    }

    /** {@code true} or a Message object. */
    private static final class MessageOrTrueFactory implements TypeAdapterFactory {
        @Override
        @SuppressWarnings("unchecked")
        public <T> @Nullable TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            if (type.getRawType() != MessageOrTrue.class) {
                return null;
            }
            TypeAdapter<Message> messages = gson.getAdapter(Message.class);
            TypeAdapter<MessageOrTrue> adapter = new TypeAdapter<>() {
                @Override
                public void write(JsonWriter out, MessageOrTrue value) throws IOException {
                    if (value.message() == null) {
                        out.value(true);
                    } else {
                        messages.write(out, value.message());
                    }
                }

                @Override
                public MessageOrTrue read(JsonReader in) throws IOException {
                    if (in.peek() == JsonToken.BOOLEAN) {
                        if (!in.nextBoolean()) {
                            throw new JsonParseException("expected a Message or true, got false");
                        }
                        return MessageOrTrue.ofTrue();
                    }
                    return new MessageOrTrue(messages.read(in));
                }
            };
            return (TypeAdapter<T>) adapter.nullSafe();
        }
    }
}
