// spotless:off
// --- README: order ---
// src/main/java/pizza/Order.java
package pizza;

import static dev.tgdialog.Transition.*;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.WindowId;
import dev.tgdialog.widgets.*;

/** A pizza order: the size from buttons, the quantity typed and checked, then a confirmation. */
final class Order {
    enum Step implements WindowId { SIZE, QUANTITY, CONFIRM }

    static final Key<String> SIZE = Key.of("size", String.class);
    static final Key<Integer> QUANTITY = Key.of("quantity", Integer.class);

    static final Dialog ORDER = Dialog.builder("order")
            .window(Step.SIZE, w -> w
                    .text("Which size?")
                    .add(Row.of(
                            Button.of("s", "Small", ctx -> next().with(SIZE, "small")),
                            Button.of("l", "Large", ctx -> next().with(SIZE, "large")))))
            .window(Step.QUANTITY, w -> w
                    .format("A {size} pizza. How many? Type 1 to 9.")
                    .add(TextInput.text("qty", (ctx, text) -> text.strip().matches("[1-9]")
                            ? next().with(QUANTITY, Integer.valueOf(text.strip()))
                            : stay().reply("\"" + text + "\" is not a number from 1 to 9.")))
                    .add(Nav.back("« Back")))
            .window(Step.CONFIRM, w -> w
                    .format("{quantity} × {size} pizza. Order it?")
                    .add(Button.of("yes", "Order", ctx -> done(ctx.require(QUANTITY)).saying("Ordered!")))
                    .add(Nav.back("« Back")))
            .build();
}
// --- end ---
// spotless:on
