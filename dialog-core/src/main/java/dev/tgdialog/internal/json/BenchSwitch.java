package dev.tgdialog.internal.json;

import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** Measurement only (issue 13): switches the hand-written JSON paths off. Not to be merged. */
public final class BenchSwitch {
    /** Gson's own JsonReader/JsonWriter instead of Utf8JsonReader/Utf8JsonWriter. */
    public static final boolean GSON_ONLY = Boolean.getBoolean("tgdialog.gsonOnly");
    /** StackCodec's general path only, without StackLayout. */
    public static final boolean NO_LAYOUT = Boolean.getBoolean("tgdialog.noLayout");

    private BenchSwitch() {}

    /** Gson's reader over the UTF-8 bytes. */
    public static JsonReader reader(byte[] utf8) {
        return new JsonReader(new StringReader(new String(utf8, StandardCharsets.UTF_8)));
    }
}
