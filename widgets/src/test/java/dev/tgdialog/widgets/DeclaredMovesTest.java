package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.back;
import static dev.tgdialog.Transition.done;
import static dev.tgdialog.Transition.next;
import static dev.tgdialog.Transition.start;
import static dev.tgdialog.Transition.switchTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import org.junit.jupiter.api.Test;

class DeclaredMovesTest {
    enum Page implements WindowId {
        A,
        B
    }

    static final Dialog CHILD =
            Dialog.builder("child").window(Page.A, w -> w.text("child")).build();

    @Test
    void navButtons_declareTheirOneMove_andAPlainButtonNone() {
        assertThat(Nav.next("Next").leadsTo()).containsExactly((Transition.Move) next());
        assertThat(Nav.back("Back").leadsTo()).containsExactly((Transition.Move) back());
        assertThat(Nav.switchTo("B", Page.B).leadsTo()).containsExactly((Transition.Move) switchTo(Page.B));
        assertThat(Nav.start("Child", CHILD).leadsTo()).containsExactly((Transition.Move) start(CHILD));
        assertThat(Nav.cancel("Cancel").leadsTo()).containsExactly((Transition.Move) done());
        assertThat(Button.of("x", "X", ctx -> next()).leadsTo()).isEmpty();
    }

    @Test
    void aDialog_collectsTheMovesOfItsWindowsWidgets_throughLayoutsAndInputs() {
        Dialog dialog = Dialog.builder("d")
                .window(
                        Page.A,
                        w -> w.text("a")
                                .add(Row.of(
                                        Nav.next("Next"),
                                        Button.of("x", "X", ctx -> done()).leadsTo(done())))
                                .add(TextInput.text("t", (ctx, text) -> switchTo(Page.B))
                                        .leadsTo(switchTo(Page.B))))
                .window(Page.B, w -> w.text("b").add(Nav.back("Back")))
                .build();

        assertThat(dialog.declaredMoves("A")).containsExactly(next(), done(), switchTo(Page.B));
        assertThat(dialog.declaredMoves("B")).containsExactly(back());
    }
}
