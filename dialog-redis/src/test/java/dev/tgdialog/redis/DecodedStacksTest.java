package dev.tgdialog.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.store.Stack;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The table of decoded stacks: a stack comes back only for its own key and its own document, byte for byte. */
class DecodedStacksTest {
    private static byte[] doc(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStackComesBack_onlyForItsKeyAndAnEqualDocument() {
        DecodedStacks table = new DecodedStacks(16);
        Stack a = Stack.empty("a");
        table.put("k:a", doc("{\"a\":1}"), a);

        assertThat(table.get("k:a", doc("{\"a\":1}"))).isSameAs(a);
        assertThat(table.get("k:a", doc("{\"a\":2}"))).isNull();
        assertThat(table.get("k:b", doc("{\"a\":1}"))).isNull();

        table.forget("k:a");
        assertThat(table.get("k:a", doc("{\"a\":1}"))).isNull();
    }

    @Test
    void aNewerKeyTakesTheSlot_andForgettingAnotherKeyLeavesIt() {
        DecodedStacks one = new DecodedStacks(1);
        Stack a = Stack.empty("a");
        Stack b = Stack.empty("b");
        one.put("k:a", doc("A"), a);
        one.put("k:b", doc("B"), b);

        assertThat(one.get("k:a", doc("A"))).isNull();
        assertThat(one.get("k:b", doc("B"))).isSameAs(b);
        one.forget("k:a");
        assertThat(one.get("k:b", doc("B"))).isSameAs(b);
    }
}
