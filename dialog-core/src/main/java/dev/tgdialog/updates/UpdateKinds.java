package dev.tgdialog.updates;

import com.google.gson.annotations.SerializedName;
import dev.tgdialog.telegram.types.UnknownUpdateKind;
import dev.tgdialog.telegram.types.Update;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The kinds of update Telegram sends, as named in {@code allowed_updates}. */
public final class UpdateKinds {
    /** Kinds Telegram sends only when asked for by name (and only to chat administrators). */
    public static final Set<String> OPT_IN = Set.of("chat_member", "message_reaction", "message_reaction_count");

    private static final List<String> ALL = readAll();

    private UpdateKinds() {}

    /** Every kind of the Bot API version the model was generated from, in the spec's order. */
    public static List<String> all() {
        return ALL;
    }

    /** Every kind Telegram sends when asked for none in particular: all but {@link #OPT_IN}. */
    public static List<String> defaults() {
        return ALL.stream().filter(kind -> !OPT_IN.contains(kind)).toList();
    }

    private static List<String> readAll() {
        List<String> kinds = new ArrayList<>();
        for (RecordComponent component : Update.class.getRecordComponents()) {
            String json = jsonName(component);
            // unknownKind is the model's own slot for kinds newer than it, no kind Telegram would know by that name.
            if (!json.equals("update_id") && component.getType() != UnknownUpdateKind.class) {
                kinds.add(json);
            }
        }
        return List.copyOf(kinds);
    }

    private static String jsonName(RecordComponent component) {
        try {
            SerializedName name = component
                    .getDeclaringRecord()
                    .getDeclaredField(component.getName())
                    .getAnnotation(SerializedName.class);
            return name != null ? name.value() : component.getName();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
