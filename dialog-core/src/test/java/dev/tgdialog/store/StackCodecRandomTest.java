package dev.tgdialog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random stacks, of plain ASCII text and of text needing escapes or beyond the BMP, survive the codec unchanged. */
class StackCodecRandomTest {
    @Test
    void everyEncodedStack_readsBackEqual_fromItsTextAndFromItsBytes() {
        Random random = new Random(5);
        for (int i = 0; i < 5_000; i++) {
            Stack stack = RandomStacks.stack(random, i % 2 == 0 ? RandomStacks.ASCII : RandomStacks.WIDER);

            String text = StackCodec.encode(stack);
            byte[] bytes = StackCodec.encodeUtf8(stack);

            assertThat(bytes).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
            assertThat(StackCodec.decode(text)).isEqualTo(stack);
            assertThat(StackCodec.decode(bytes)).isEqualTo(stack);
        }
    }
}
