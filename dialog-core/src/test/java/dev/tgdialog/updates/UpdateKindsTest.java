package dev.tgdialog.updates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.internal.json.Json;
import dev.tgdialog.telegram.types.Update;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Naming an update's kind: every kind of the model by its {@code allowed_updates} name, anything else one name. */
class UpdateKindsTest {

    private static Update update(String json) {
        return Json.fromUtf8(json.getBytes(StandardCharsets.UTF_8), Update.class);
    }

    @Test
    void everyKindOfTheModel_isNamedAsAllowedUpdatesNamesIt() {
        assertThat(UpdateKinds.all()).hasSizeGreaterThan(20).doesNotContain("unknownKind", "update_id");
        for (String kind : UpdateKinds.all()) {
            assertThat(UpdateKinds.of(update("{\"update_id\": 1, \"" + kind + "\": {}}")))
                    .as(kind)
                    .isEqualTo(kind);
        }
    }

    @Test
    void aKindNewerThanTheModel_andAnUpdateOfNoKind_areUnknown() {
        assertThat(UpdateKinds.of(update("{\"update_id\": 1, \"teleport_request\": {\"id\": 7}}")))
                .isEqualTo(UpdateKinds.UNKNOWN);
        assertThat(UpdateKinds.of(Update.of(1))).isEqualTo("unknown");
    }
}
