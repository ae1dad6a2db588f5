package dev.tgdialog.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Button;
import dev.tgdialog.kit.Row;
import dev.tgdialog.store.Frame;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import dev.tgdialog.testing.FakeUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mistakes in dialog definitions fail when they are built, with messages that name the place. */
class DefinitionChecksTest {
    enum W implements WindowId {
        ONE,
        TWO
    }

    @Test
    void widgetIds_areCheckedWhenTheDialogIsBuilt() {
        assertThatThrownBy(() -> Dialog.builder("shop")
                        .window(W.ONE, w -> w.text("x").add(Button.of("bad id!", "B", ctx -> Transition.stay())))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dialog shop, window ONE")
                .hasMessageContaining("\"bad id!\"");
        assertThatThrownBy(() -> Dialog.builder("shop")
                        .window(W.ONE, w -> w.text("x").add(Button.of("a".repeat(17), "B", ctx -> Transition.stay())))
                        .build())
                .hasMessageContaining("must be 1-16");
        assertThatThrownBy(() -> Dialog.builder("shop")
                        .window(
                                W.ONE,
                                w -> w.text("x")
                                        .add(Button.of("buy", "Buy", ctx -> Transition.stay()))
                                        .add(Row.of(Button.of("buy", "Buy again", ctx -> Transition.stay()))))
                        .build())
                .hasMessageContaining("two widgets have the id \"buy\"");
    }

    @Test
    void dialogs_needWindowsWithText_andUniqueIds() {
        assertThatThrownBy(() -> Dialog.builder("empty").build()).hasMessageContaining("dialog empty has no windows");
        assertThatThrownBy(() -> Dialog.builder("mute").window(W.ONE, w -> {}).build())
                .hasMessageContaining("dialog mute, window ONE has no text");
        assertThatThrownBy(() -> Dialog.builder("twice")
                        .window(W.ONE, w -> w.text("a"))
                        .window(W.ONE, w -> w.text("b"))
                        .build())
                .hasMessageContaining("two windows ONE");
        Dialog a = Dialog.builder("same").window(W.ONE, w -> w.text("a")).build();
        Dialog b = Dialog.builder("same").window(W.ONE, w -> w.text("b")).build();
        assertThatThrownBy(() -> DialogBot.builder(new FakeTelegram().client(new FakeTime()))
                        .dialogs(a, b))
                .hasMessageContaining("two dialogs have the id same");
        assertThatThrownBy(() -> DialogBot.builder(new FakeTelegram().client(new FakeTime()))
                        .command("Start", (ctx, args) -> Transition.stay()))
                .hasMessageContaining("a command is 1-32 of a-z 0-9 _");
        assertThatThrownBy(() -> Key.of("bad key", String.class)).hasMessageContaining("bad key");
    }

    @Test
    void everyButtonOfAnyPayload_passesTelegramsLimit_andRoundTrips() {
        Key<String> got = Key.of("got", String.class);
        List<String> payloads = List.of("", "x", "ü".repeat(30), "😀".repeat(20), "~tilde", "a.b.c", "x".repeat(300));
        Dialog shop = Dialog.builder("shop")
                .window(
                        W.ONE,
                        w -> w.text(ctx -> "got " + ctx.get(got, "nothing").length())
                                .add(new EngineTest.Choice("pick", payloads, got)))
                .build();
        BotHarness h = BotHarness.of(bot ->
                bot.dialogs(shop).command("shop", (ctx, args) -> Transition.start(shop, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/shop");

        for (int i = 0; i < payloads.size(); i++) {
            String data = ann.lastMessage().inlineKeyboard().get(0).get(i).callbackData();
            assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
            ann.click(0, i);
            assertThat(ann.lastMessage().text())
                    .isEqualTo("got " + payloads.get(i).length());
        }
    }

    @Test
    void frameIds_neverRepeatWithinAStack() {
        Dialog[] loop = new Dialog[1];
        loop[0] = Dialog.builder("loop")
                .window(
                        W.ONE,
                        w -> w.text("deeper?")
                                .add(Button.of("in", "In", ctx -> Transition.start(loop[0])))
                                .add(Button.of("out", "Out", ctx -> Transition.done())))
                .build();
        StackStore store = StackStore.inMemory(Duration.ofHours(1));
        BotHarness h = BotHarness.builder(bot -> bot.dialogs(loop[0])
                        .maxDepth(64)
                        .command("loop", (ctx, args) -> Transition.start(loop[0], StartMode.RESET_STACK)))
                .store(store)
                .build();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/loop");
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 100; i++) {
            ann.click(i % 3 == 2 ? "Out" : "In");
            for (Frame f :
                    store.load(StackKey.of(1_000_000, 1001, 1001)).orElseThrow().frames()) {
                seen.add(f.id());
            }
        }

        assertThat(seen).hasSize(68);
        assertThat(store.load(StackKey.of(1_000_000, 1001, 1001)).orElseThrow().nextFrameId())
                .isEqualTo(68);
    }
}
