package dev.tgdialog.preview;

import static dev.tgdialog.Transition.done;
import static dev.tgdialog.Transition.next;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.WindowId;
import dev.tgdialog.spi.Media;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.widgets.Button;
import dev.tgdialog.widgets.DatePicker;
import dev.tgdialog.widgets.Nav;
import dev.tgdialog.widgets.Row;
import dev.tgdialog.widgets.TextInput;

/** Two small dialogs for the preview's tests: a shop that starts a help dialog. */
final class SampleDialogs {
    private SampleDialogs() {}

    enum Shop implements WindowId {
        PICK,
        AMOUNT,
        CONFIRM
    }

    enum Help implements WindowId {
        TOPICS
    }

    static final Key<String> ITEM = Key.of("item", String.class);

    static final Dialog HELP = Dialog.builder("help")
            .window(
                    Help.TOPICS,
                    w -> w.text("How can we help? Pick a day for a call.")
                            .add(DatePicker.builder("day")
                                    .onPick((ctx, day) -> done())
                                    .build())
                            .add(Nav.cancel("Close")))
            .build();

    static final Dialog SHOP = Dialog.builder("shop")
            .window(
                    Shop.PICK,
                    w -> w.text("Pick <one>")
                            .media(ctx -> Media.photo(InputFile.fileId("AgADphoto")))
                            .add(Row.of(
                                    Button.of("tea", "Tea", ctx -> next().with(ITEM, "tea"))
                                            .leadsTo(next()),
                                    Nav.start("Help", HELP))))
            .window(
                    Shop.AMOUNT,
                    w -> w.text(ctx -> "How much " + ctx.require(ITEM) + "?")
                            .sample(ITEM, "tea")
                            .add(TextInput.of("n", Integer::parseInt, (ctx, n) -> next())
                                    .leadsTo(next()))
                            .add(Nav.back("Back")))
            .window(
                    Shop.CONFIRM,
                    w -> w.text(ctx -> "Confirm " + ctx.require(ITEM) + "?")
                            .add(Button.of("ok", "OK", ctx -> done()).leadsTo(done()))
                            .add(Nav.switchTo("Start over", Shop.PICK)))
            .build();
}
