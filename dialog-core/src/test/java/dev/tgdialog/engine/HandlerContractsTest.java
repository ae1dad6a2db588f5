package dev.tgdialog.engine;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Nav;
import dev.tgdialog.store.Frame;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the handler interfaces' Javadoc promises: a command's arguments, and an onClose handler's transition. */
class HandlerContractsTest {
    enum Only implements WindowId {
        ONLY
    }

    static final Key<String> MARK = Key.of("mark", String.class);

    @Test
    void aCommandsArgs_areTheRestOfTheMessage_withoutTheWhitespaceAround() {
        List<String> args = new ArrayList<>();
        BotHarness h = BotHarness.of(bot -> bot.command("echo", (ctx, rest) -> {
            args.add(rest);
            return stay();
        }));
        FakeUser ann = h.user(1001, "Ann");

        ann.send("/echo   two  words \n");
        ann.send("/echo");
        ann.send("/echo one");

        assertThat(args).containsExactly("two  words", "", "one");
    }

    @Test
    void anOnCloseHandlersTransition_isIgnored_dataAndMoveAlike() {
        List<String> closed = new ArrayList<>();
        Dialog other =
                Dialog.builder("other").window(Only.ONLY, w -> w.text("Other")).build();
        Dialog child = Dialog.builder("child")
                .window(Only.ONLY, w -> w.text("Child").add(Nav.cancel("Cancel")))
                .onClose(ctx -> {
                    closed.add(ctx.dialogId());
                    return Transition.start(other).with(MARK, "from onClose");
                })
                .build();
        Dialog parent = Dialog.builder("parent")
                .window(Only.ONLY, w -> w.text("Parent").add(Nav.start("Open", child)))
                .build();
        StackStore store = StackStore.inMemory(Duration.ofHours(1));
        BotHarness h = BotHarness.builder(bot -> bot.dialogs(parent, child, other)
                        .command("go", (ctx, args) -> Transition.start(parent, StartMode.RESET_STACK)))
                .store(store)
                .build();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/go");
        ann.click("Open");

        ann.click("Cancel");

        assertThat(closed).containsExactly("child");
        List<Frame> frames = store.load(StackKey.of(EngineTest.BOT, 1001, 1001))
                .orElseThrow()
                .frames();
        assertThat(frames).extracting(Frame::dialogId).containsExactly("parent");
        assertThat(frames.get(0).data()).isEmpty();
        assertThat(ann.lastMessage().text()).isEqualTo("Parent");
    }
}
