package dev.tgdialog.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random stacks for round-trip tests of the stores' encodings: every field, empty and full, short texts. */
public final class RandomStacks {
    /** Characters that need no escaping anywhere. */
    public static final String ASCII = "abcXYZ019 _-/:.,{}[]'";
    /** ASCII plus escapes, controls, characters of two and three UTF-8 bytes and one beyond the BMP. */
    public static final String WIDER = ASCII + "\"\\\n\t\u0000\u2028<>&=é€😀";

    private RandomStacks() {}

    /** A stack of up to three frames, its texts drawn from {@code alphabet}. */
    public static Stack stack(Random random, String alphabet) {
        List<Frame> frames = new ArrayList<>();
        int count = random.nextInt(4);
        for (int f = 0; f < count; f++) {
            frames.add(new Frame(
                    text(random, alphabet),
                    text(random, alphabet),
                    text(random, alphabet),
                    random.nextInt(1000),
                    random.nextBoolean() ? null : text(random, alphabet),
                    map(random, alphabet),
                    map(random, alphabet),
                    map(random, alphabet)));
        }
        List<Long> updates = new ArrayList<>();
        int updateCount = random.nextInt(5);
        for (int u = 0; u < updateCount; u++) {
            updates.add(random.nextBoolean() ? (long) random.nextInt(1_000_000) : random.nextLong() >> 8);
        }
        ShownMessage last = random.nextBoolean()
                ? null
                : new ShownMessage(random.nextInt(100_000), text(random, alphabet), text(random, alphabet));
        return new Stack(text(random, alphabet), frames, random.nextInt(1_000_000), last, updates, random.nextInt(100));
    }

    private static Map<String, String> map(Random random, String alphabet) {
        Map<String, String> values = new HashMap<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            values.put(text(random, alphabet), text(random, alphabet));
        }
        return values;
    }

    /** Up to seven characters of {@code alphabet}. */
    public static String text(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(alphabet.codePointAt(
                    alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return text.toString();
    }
}
