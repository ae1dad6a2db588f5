package dev.tgdialog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link StackLayout} writes what the general writer writes and reads what {@link StackCodec#encodeUtf8} writes;
 * for anything else it answers null, or reads exactly what the general reader reads: it may only ever be a
 * shortcut.
 */
class StackLayoutTest {
    private static final String ASCII = "abcXYZ019 _-/:.,{}[]'";
    private static final String WIDER = ASCII + "\"\\\n\té€😀";

    @Test
    void everyEncodedStack_readsBackEqual_andTheAsciiOnesAreReadByTheLayout() {
        Random random = new Random(5);
        int laidOut = 0;
        for (int i = 0; i < 5_000; i++) {
            boolean asciiOnly = i % 2 == 0;
            Stack stack = randomStack(random, asciiOnly ? ASCII : WIDER);
            byte[] bytes = StackCodec.encodeUtf8(stack);

            Stack read = StackLayout.read(bytes);

            if (asciiOnly) {
                assertThat(read).as("an ASCII document without escapes takes the layout path").isEqualTo(stack);
                laidOut++;
            } else if (read != null) {
                assertThat(read).isEqualTo(stack);
            }
            assertThat(StackCodec.decode(bytes)).isEqualTo(stack);
        }
        assertThat(laidOut).isEqualTo(2_500);
    }

    @Test
    void theLayoutWriter_writesTheGeneralWritersBytes_andLeavesTextNeedingEscapesToIt() {
        Random random = new Random(7);
        int laidOut = 0;
        for (int i = 0; i < 5_000; i++) {
            Stack stack = randomStack(random, i % 2 == 0 ? ASCII : WIDER);
            byte[] general = StackCodec.encodeGeneral(stack);

            byte[] written = StackLayout.write(stack);

            if (written != null) {
                assertThat(new String(written, StandardCharsets.UTF_8))
                        .isEqualTo(new String(general, StandardCharsets.UTF_8));
                laidOut++;
            } else {
                assertThat(new String(general, StandardCharsets.UTF_8)).as("only text needing an escape leaves it")
                        .containsPattern("[^\\x20-\\x7E]|\\\\");
            }
            assertThat(StackCodec.encodeUtf8(stack)).isEqualTo(general);
        }
        assertThat(laidOut).isGreaterThanOrEqualTo(2_500);
    }

    @Test
    void aDocumentOffTheLayout_isLeftToTheGeneralReader_orReadAsItReadsIt() {
        Random random = new Random(11);
        int changedAndRead = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = StackCodec.encodeUtf8(randomStack(random, ASCII));
            byte[] changed = mutate(random, bytes);

            Stack read = StackLayout.read(changed);

            if (read != null) {
                // Whatever the layout reader accepts, the general reader accepts as the same stack.
                assertThat(read).isEqualTo(StackCodec.decodeTree(new String(changed, StandardCharsets.UTF_8)));
                changedAndRead++;
            }
        }
        // Changes inside strings and numbers keep the layout; the test must have met some of them.
        assertThat(changedAndRead).isGreaterThan(1_000);
    }

    @Test
    void spacesRepeatedKeysAndLeadingZeros_areLeftToTheGeneralReader() {
        String frame = "{\"id\":\"0\",\"dialog\":\"d\",\"window\":\"W\",\"rev\":0,\"data\":%s,\"state\":{},\"spill\":{}}";
        String head = "{\"v\":1,\"id\":\"\",\"version\":%s,\"next\":1,\"updates\":[],\"frames\":[%s]}";

        assertThat(read(String.format(head, "1", String.format(frame, "{}")))).isNotNull();
        assertThat(read(String.format(head, "01", String.format(frame, "{}")))).isNull();
        assertThat(read(String.format(head, "1", String.format(frame, "{\"a\":\"1\",\"a\":\"2\"}")))).isNull();
        assertThat(read(String.format(head, "1", String.format(frame, "{ }")))).isNull();
        assertThat(read(String.format(head, "1", String.format(frame, "{}")) + " ")).isNull();
        assertThat(read(String.format(head, "1234567890123456789", String.format(frame, "{}")))).isNull();
    }

    private static Stack read(String text) {
        return StackLayout.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mutate(Random random, byte[] bytes) {
        byte[] changed = bytes.clone();
        int at = random.nextInt(changed.length);
        switch (random.nextInt(3)) {
            case 0 -> changed[at] = (byte) "0123456789\"{}[],:-a \\".charAt(random.nextInt(21));
            case 1 -> {
                byte[] shorter = new byte[changed.length - 1];
                System.arraycopy(changed, 0, shorter, 0, at);
                System.arraycopy(changed, at + 1, shorter, at, changed.length - at - 1);
                changed = shorter;
            }
            default -> changed[at] = (byte) random.nextInt(256);
        }
        return changed;
    }

    private static Stack randomStack(Random random, String alphabet) {
        List<Frame> frames = new ArrayList<>();
        int count = random.nextInt(4);
        for (int f = 0; f < count; f++) {
            frames.add(new Frame(text(random, alphabet), text(random, alphabet), text(random, alphabet),
                    random.nextInt(1000), random.nextBoolean() ? null : text(random, alphabet),
                    map(random, alphabet), map(random, alphabet), map(random, alphabet)));
        }
        List<Long> updates = new ArrayList<>();
        int updateCount = random.nextInt(5);
        for (int u = 0; u < updateCount; u++) {
            updates.add(random.nextBoolean() ? (long) random.nextInt(1_000_000) : random.nextLong() >> 8);
        }
        ShownMessage last = random.nextBoolean() ? null
                : new ShownMessage(random.nextInt(100_000), text(random, alphabet), text(random, alphabet));
        return new Stack(text(random, alphabet), frames, random.nextInt(1_000_000), last, updates,
                random.nextInt(100));
    }

    private static Map<String, String> map(Random random, String alphabet) {
        Map<String, String> values = new HashMap<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            values.put(text(random, alphabet), text(random, alphabet));
        }
        return values;
    }

    private static String text(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return text.toString();
    }
}
