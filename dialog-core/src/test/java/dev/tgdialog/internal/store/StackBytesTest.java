package dev.tgdialog.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.store.Frame;
import dev.tgdialog.store.RandomStacks;
import dev.tgdialog.store.ShownMessage;
import dev.tgdialog.store.Stack;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StackBytesTest {
    private final StackBytes codec = new StackBytes();

    /** A user at the wizard's last step: one frame with two data values and a page, its message, four updates. */
    private static Stack midWizard(long userId) {
        Frame frame = new Frame(
                "1", "fruit", "CONFIRM", 3, null, Map.of("item", "7", "qty", "3"), Map.of("list/page", "1"), Map.of());
        ShownMessage shown = new ShownMessage(4, "text", Long.toHexString(0x9e3779b97f4a7c15L * userId));
        long first = 1_000_000 + userId;
        return new Stack(
                "", List.of(frame), 4, shown, List.of(first, first + 10_000, first + 20_000, first + 30_000), 1);
    }

    @Test
    void randomStacks_ofEveryField_readBackEqual_andTheirVersionWithoutDecoding() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            Stack stack = RandomStacks.stack(random, i % 2 == 0 ? RandomStacks.ASCII : RandomStacks.WIDER);

            byte[] bytes = codec.encode(stack);

            assertThat(codec.decode(bytes)).isEqualTo(stack);
            assertThat(StackBytes.version(bytes)).isEqualTo(stack.version());
        }
    }

    @Test
    void albumsRenderHashesAndExtremeNumbers_readBackEqual() {
        ShownMessage.Album album = new ShownMessage.Album(List.of(7L, 8L, 9L), "media-hash");
        for (String hash : List.of("0", "f", "ffffffffffffffff", "8000000000000000", "0abc", "ABC", "", "closed")) {
            Stack stack = new Stack(
                    "side",
                    List.of(),
                    Long.MAX_VALUE,
                    new ShownMessage(Long.MIN_VALUE, "photo", hash, album),
                    List.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L),
                    Long.MAX_VALUE);

            assertThat(codec.decode(codec.encode(stack))).isEqualTo(stack);
        }
    }

    @Test
    void aUserMidWizard_isAtMost48BytesAtRest() {
        codec.encode(midWizard(1));

        for (long user = 2; user < 1_000; user++) {
            Stack stack = midWizard(user);
            byte[] bytes = codec.encode(stack);

            assertThat(bytes.length).isLessThanOrEqualTo(48);
            assertThat(codec.decode(bytes)).isEqualTo(stack);
        }
    }

    @Test
    void pastTheDictionarysBound_namesAreWrittenOutInFull_andStillReadBack() {
        for (int i = 0; i < StackBytes.MAX_NAMES + 100; i++) {
            Frame frame = new Frame("1", "dialog-" + i, "W", 0, null, Map.of("key-" + i, "1"), Map.of(), Map.of());
            Stack stack = new Stack("", List.of(frame), 1, null, List.of(), 1);

            assertThat(codec.decode(codec.encode(stack))).isEqualTo(stack);
        }
        Stack early = new Stack(
                "",
                List.of(new Frame("1", "dialog-3", "W", 0, null, Map.of("key-3", "1"), Map.of(), Map.of())),
                1,
                null,
                List.of(),
                1);
        Stack late = new Stack(
                "",
                List.of(new Frame("1", "dialog-5000", "W", 0, null, Map.of(), Map.of(), Map.of())),
                1,
                null,
                List.of(),
                1);
        assertThat(codec.encode(early).length).isLessThan(codec.encode(late).length);
    }
}
