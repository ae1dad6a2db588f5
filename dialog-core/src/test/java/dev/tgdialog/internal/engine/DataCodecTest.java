package dev.tgdialog.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DataCodecTest {

    private static final Gson PLAIN = new Gson();

    @Test
    void integers_decodeAsGsonReadsThem_whetherShortOrNot() {
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            int value = switch (i % 4) {
                case 0 -> random.nextInt(100) - 50;
                case 1 -> random.nextInt();
                case 2 -> random.nextInt(1_000_000_000);
                default -> i % 8 == 3 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            };
            String json = DataCodec.encode(value, Integer.class);
            Integer decoded = DataCodec.decode(json, Integer.class);
            assertThat(decoded).as(json).isEqualTo(value).isEqualTo(PLAIN.fromJson(json, Integer.class));
        }
    }

    @Test
    void textThatIsNoCanonicalInteger_isLeftToGson() {
        for (String json : new String[] {"-0", "1.0", "1e3", "\"5\"", "null", " 7", "2147483647", "1234567890"}) {
            assertThat((Object) DataCodec.decode(json, Integer.class))
                    .as(json)
                    .isEqualTo(PLAIN.fromJson(json, Integer.class));
        }
        for (String json : new String[] {"", "-", "x1", "99999999999"}) {
            Object gson;
            try {
                gson = PLAIN.fromJson(json, Integer.class);
            } catch (JsonSyntaxException e) {
                assertThatThrownBy(() -> DataCodec.decode(json, Integer.class))
                        .as(json)
                        .isInstanceOf(e.getClass());
                continue;
            }
            assertThat((Object) DataCodec.decode(json, Integer.class)).as(json).isEqualTo(gson);
        }
    }
}
