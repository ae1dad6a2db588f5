package dev.tgdialog.engine;

import static dev.tgdialog.Transition.done;
import static dev.tgdialog.Transition.stay;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Button;
import dev.tgdialog.kit.Nav;
import dev.tgdialog.kit.Row;
import dev.tgdialog.kit.Text;

/** Small dialogs the engine tests share. */
final class WizardDialogs {
    private WizardDialogs() {}

    enum Step implements WindowId {
        FIRST,
        SECOND,
        THIRD
    }

    enum Pick implements WindowId {
        CHOOSE
    }

    static final Key<Integer> COUNT = Key.of("count", Integer.class);
    static final Key<String> COLOUR = Key.of("colour", String.class);

    /** A child dialog that returns the colour picked. */
    static final Dialog PICKER = Dialog.builder("picker")
            .window(
                    Pick.CHOOSE,
                    w -> w.text("Pick a colour")
                            .add(Row.of(
                                    Button.of("red", "Red", ctx -> done("red")),
                                    Button.of("blue", "Blue", ctx -> done("blue"))))
                            .add(Nav.cancel("Cancel")))
            .build();

    /** A three-window wizard with a counter, a child dialog and navigation. */
    static final Dialog WIZARD = Dialog.builder("wizard")
            .window(
                    Step.FIRST,
                    w -> w.text(Text.format("Count: {count}"))
                            .add(Button.of("inc", "+1", ctx -> stay().with(COUNT, ctx.get(COUNT, 0) + 1)))
                            .add(Nav.next("Next")))
            .window(
                    Step.SECOND,
                    w -> w.text(ctx -> "Colour: " + ctx.get(COLOUR, "none"))
                            .add(Button.of("pick", "Pick", ctx -> Transition.start(PICKER)))
                            .add(Row.of(Nav.back("Back"), Nav.next("Next"))))
            .window(Step.THIRD, w -> w.text("All set").add(Button.of("finish", "Finish", ctx -> done().saying("Bye"))))
            .onResult(PICKER, String.class, (ctx, colour) -> colour == null ? stay() : stay().with(COLOUR, colour))
            .build();
}
