package dev.tgdialog.redis;

import static dev.tgdialog.Transition.done;
import static dev.tgdialog.Transition.stay;

import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.widgets.Button;
import dev.tgdialog.widgets.Nav;
import dev.tgdialog.widgets.Text;
import dev.tgdialog.widgets.TextInput;

/** The dialogs of the multi-instance tests: a counter that records which updates it applied, and a wizard. */
final class CounterDialogs {
    private CounterDialogs() {}

    enum Count implements WindowId {
        MAIN
    }

    enum Step implements WindowId {
        NAME,
        SIZE,
        CONFIRM
    }

    enum Pick implements WindowId {
        CHOOSE
    }

    static final Key<Integer> COUNT = Key.of("count", Integer.class);
    /** The ids of the updates the counter applied, comma-separated, in the order it applied them. */
    static final Key<String> APPLIED = Key.of("applied", String.class);

    static final Key<String> NAME = Key.of("name", String.class);
    static final Key<String> SIZE = Key.of("size", String.class);

    static final Dialog COUNTER = Dialog.builder("counter")
            .window(
                    Count.MAIN,
                    w -> w.text(Text.format("Count: {count}"))
                            .add(Button.of("inc", "+1", CounterDialogs::increment))
                            .add(TextInput.text("typed", (ctx, text) -> text.equals("+1") ? increment(ctx) : stay())))
            .build();

    /** Counts one up and records the update that did it; a click on +1 and the text "+1" both do. */
    private static Transition increment(DialogContext ctx) {
        String applied = ctx.get(APPLIED, "");
        return stay().with(COUNT, ctx.get(COUNT, 0) + 1)
                .with(
                        APPLIED,
                        applied + (applied.isEmpty() ? "" : ",") + ctx.update().updateId());
    }

    static final Dialog PICKER = Dialog.builder("picker")
            .window(
                    Pick.CHOOSE,
                    w -> w.text("Pick a size")
                            .add(Button.of("s", "S", ctx -> done("S")))
                            .add(Button.of("l", "L", ctx -> done("L"))))
            .build();

    static final Dialog WIZARD = Dialog.builder("wizard")
            .window(
                    Step.NAME,
                    w -> w.text("Your name?")
                            .add(Button.of(
                                    "ann", "Ann", ctx -> Transition.next().with(NAME, "Ann"))))
            .window(
                    Step.SIZE,
                    w -> w.text(ctx -> ctx.get(NAME, "?") + ", size " + ctx.get(SIZE, "none"))
                            .add(Button.of("pick", "Pick", ctx -> Transition.start(PICKER)))
                            .add(Nav.next("Next")))
            .window(
                    Step.CONFIRM,
                    w -> w.text(ctx -> "Confirm: " + ctx.get(NAME, "?") + ", " + ctx.get(SIZE, "none"))
                            .add(Button.of("ok", "OK", ctx -> done())))
            .onResult(PICKER, String.class, (ctx, size) -> size == null ? stay() : stay().with(SIZE, size))
            .build();

    /** The commands both dialogs start from. */
    static void commands(DialogBot.Builder bot) {
        bot.dialogs(COUNTER, WIZARD, PICKER)
                .command("count", (ctx, args) -> Transition.start(COUNTER, null, StartMode.RESET_STACK))
                .command("wizard", (ctx, args) -> Transition.start(WIZARD, null, StartMode.RESET_STACK));
    }
}
