package dev.tgdialog.engine;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Text;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import org.junit.jupiter.api.Test;

/** What {@link Text#format} writes, as its Javadoc says: placeholders, the brace escape, and braces kept. */
class TextFormatTest {
    enum W implements WindowId {
        ONLY
    }

    static final Key<String> SIZE = Key.of("size", String.class);
    static final Key<String> NOTE = Key.of("note", String.class);

    private static String shown(String template) {
        Dialog d = Dialog.builder("fmt")
                .onStart(ctx -> stay().with(SIZE, "M").with(NOTE, "{size} as typed"))
                .window(W.ONLY, w -> w.text(Text.format(template)))
                .build();
        BotHarness h = BotHarness.of(bot ->
                bot.dialogs(d).command("go", (ctx, args) -> Transition.start(d, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/go");
        return ann.lastMessage().text();
    }

    @Test
    void placeholders_takeTheValueOfTheirKey_andAMissingOneLeavesNothing() {
        assertThat(shown("Size {size}, colour {colour}.")).isEqualTo("Size M, colour .");
    }

    @Test
    void aBraceBraceCloser_writesABrace_soAPlaceholderCanBeShownAsItIs() {
        assertThat(shown("Type {{}size} for your size ({size})")).isEqualTo("Type {size} for your size (M)");
        assertThat(shown("{{}{{}}")).isEqualTo("{{}");
    }

    @Test
    void otherBraces_areKeptAsTheyAre_andAValueIsNeverReadAsATemplate() {
        assertThat(shown("{ size } {} {size {size-} {{size}")).isEqualTo("{ size } {} {size  {M");
        assertThat(shown("Note: {note}")).isEqualTo("Note: {size} as typed");
    }
}
