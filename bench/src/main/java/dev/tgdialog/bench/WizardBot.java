package dev.tgdialog.bench;

import static dev.tgdialog.Transition.done;
import static dev.tgdialog.Transition.next;
import static dev.tgdialog.Transition.stay;

import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.widgets.Button;
import dev.tgdialog.widgets.Scrollable;
import dev.tgdialog.widgets.ScrollingGroup;
import dev.tgdialog.widgets.Select;
import dev.tgdialog.widgets.TextInput;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The scenario's bot, written as a bot author would: a Select in a ScrollingGroup, a TextInput, a Confirm. */
final class WizardBot {
    enum Step implements WindowId {
        LIST,
        QTY,
        CONFIRM
    }

    record Order(int item, int qty) {}

    static final List<Integer> ITEMS = IntStream.rangeClosed(1, 30).boxed().toList();
    static final Key<Integer> ITEM = Key.of("item", Integer.class);
    static final Key<Integer> QTY = Key.of("qty", Integer.class);
    static final Key<Boolean> BAD = Key.of("bad", Boolean.class);

    private WizardBot() {}

    static Dialog dialog(Map<Long, Order> orders) {
        ScrollingGroup list = ScrollingGroup.builder("list")
                .height(5)
                .pager(ScrollingGroup.PagerStyle.PREV_NEXT_KEEP_ENDS)
                .add(Select.<Integer>builder("item", ctx -> ITEMS)
                        .label(i -> "item " + i)
                        .onClick((ctx, item) -> next().with(ITEM, item))
                        .build())
                .build();
        return Dialog.builder("fruit")
                .window(
                        Step.LIST,
                        w -> w.text(ctx -> "Pick a fruit (page " + (Scrollable.page(ctx, "list") + 1) + "/6)")
                                .add(list))
                .window(
                        Step.QTY,
                        w -> w.text(ctx -> ctx.get(BAD, false) ? "Please send a positive number" : "Enter quantity")
                                .add(TextInput.of(
                                        "qty",
                                        Integer::parseInt,
                                        (ctx, qty) -> qty > 0 ? next().with(QTY, qty) : stay().with(BAD, true),
                                        (ctx, text, error) -> stay().with(BAD, true))))
                .window(
                        Step.CONFIRM,
                        w -> w.text(ctx -> "item " + ctx.get(ITEM) + " x " + ctx.get(QTY))
                                .add(Button.of("ok", "Confirm", ctx -> {
                                    orders.put(ctx.chatId(), new Order(ctx.get(ITEM), ctx.get(QTY)));
                                    return done().saying("Done");
                                })))
                .build();
    }

    static DialogBot.Builder configure(DialogBot.Builder bot, Dialog fruit) {
        return bot.dialogs(fruit).command("start", (ctx, args) -> Transition.start(fruit, null, StartMode.RESET_STACK));
    }
}
