package dev.tgdialog.internal.engine;

import com.google.gson.TypeAdapter;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The little the engine needs from a message it sent or edited: its id, and the file_id of its media. Read by a
 * streaming adapter that skips everything else (or takes the {@code true} an inline edit returns), so presenting
 * a window does not build a full {@code Message} of a hundred fields for every call.
 */
@JsonAdapter(SentView.Adapter.class)
final class SentView {
    static final SentView NONE = new SentView(0, null, null);

    final long messageId;
    final @Nullable String fileId;
    /** The id of the poll the message shows, whose answers come back under it. */
    final @Nullable String pollId;

    SentView(long messageId, @Nullable String fileId, @Nullable String pollId) {
        this.messageId = messageId;
        this.fileId = fileId;
        this.pollId = pollId;
    }

    /** Reads a Message (or {@code true}) into a {@link SentView}. */
    static final class Adapter extends TypeAdapter<SentView> {
        @Override
        public void write(JsonWriter out, SentView value) {
            throw new UnsupportedOperationException("a SentView is only read");
        }

        @Override
        public SentView read(JsonReader in) throws IOException {
            if (in.peek() != JsonToken.BEGIN_OBJECT) {
                in.skipValue();
                return NONE;
            }
            long id = 0;
            String fileId = null;
            String pollId = null;
            in.beginObject();
            while (in.hasNext()) {
                switch (in.nextName()) {
                    case "message_id" -> id = in.nextLong();
                    case "poll" -> pollId = fileIdOrId(in, "id");
                    case "photo" -> fileId = lastFileId(in);
                    case "video", "animation", "audio", "document" -> fileId = fileId(in);
                    default -> in.skipValue();
                }
            }
            in.endObject();
            return new SentView(id, fileId, pollId);
        }

        private static @Nullable String lastFileId(JsonReader in) throws IOException {
            String last = null;
            in.beginArray();
            while (in.hasNext()) {
                last = fileId(in);
            }
            in.endArray();
            return last;
        }

        private static @Nullable String fileId(JsonReader in) throws IOException {
            return fileIdOrId(in, "file_id");
        }

        /** The string field {@code name} of the object at hand, skipping the rest. */
        private static @Nullable String fileIdOrId(JsonReader in, String name) throws IOException {
            String id = null;
            in.beginObject();
            while (in.hasNext()) {
                if (in.nextName().equals(name)) {
                    id = in.nextString();
                } else {
                    in.skipValue();
                }
            }
            in.endObject();
            return id;
        }
    }
}
