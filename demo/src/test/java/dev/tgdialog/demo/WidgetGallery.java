package dev.tgdialog.demo;

import static dev.tgdialog.Transition.next;
import static dev.tgdialog.Transition.stay;

import dev.tgdialog.Dialog;
import dev.tgdialog.KeyboardKind;
import dev.tgdialog.WindowId;
import dev.tgdialog.widgets.Button;
import dev.tgdialog.widgets.Checkbox;
import dev.tgdialog.widgets.Column;
import dev.tgdialog.widgets.Counter;
import dev.tgdialog.widgets.DatePicker;
import dev.tgdialog.widgets.Group;
import dev.tgdialog.widgets.InlineButtons;
import dev.tgdialog.widgets.ListGroup;
import dev.tgdialog.widgets.Multiselect;
import dev.tgdialog.widgets.Nav;
import dev.tgdialog.widgets.Pager;
import dev.tgdialog.widgets.Radio;
import dev.tgdialog.widgets.ReplyButton;
import dev.tgdialog.widgets.RequestButtons;
import dev.tgdialog.widgets.Row;
import dev.tgdialog.widgets.Select;
import dev.tgdialog.widgets.TimePicker;
import dev.tgdialog.widgets.Toggle;
import dev.tgdialog.widgets.Url;
import java.util.List;
import java.util.Locale;

/** One window per widget, each alone: what the README's widget table pictures (docs/pictures/widgets). */
final class WidgetGallery {
    private WidgetGallery() {}

    /** The widgets pictured, a window each, named as their files are. */
    enum Shown implements WindowId {
        BUTTON,
        ROW,
        COLUMN,
        GROUP,
        NAV,
        URL,
        SELECT,
        RADIO,
        MULTISELECT,
        TOGGLE,
        CHECKBOX,
        COUNTER,
        SCROLLING_GROUP,
        LIST_GROUP,
        DATE_PICKER,
        TIME_PICKER,
        REPLY_BUTTONS,
        INLINE_BUTTONS,
        STAR_RATING
    }

    private static final List<String> SIZES = List.of("Small", "Medium", "Large");

    static final Dialog WIDGETS = Dialog.builder("widgets")
            .window(Shown.BUTTON, w -> w.text("Button").add(Button.of("go", "Order", ctx -> next())))
            .window(
                    Shown.ROW,
                    w -> w.text("Row")
                            .add(Row.of(
                                    Button.of("s", "Small", ctx -> stay()), Button.of("l", "Large", ctx -> stay()))))
            .window(
                    Shown.COLUMN,
                    w -> w.text("Column")
                            .add(Column.of(
                                    Button.of("s", "Small", ctx -> stay()), Button.of("l", "Large", ctx -> stay()))))
            .window(
                    Shown.GROUP,
                    w -> w.text("Group")
                            .add(Group.of(
                                    2,
                                    Button.of("a", "Pizza", ctx -> stay()),
                                    Button.of("b", "Pasta", ctx -> stay()),
                                    Button.of("c", "Salad", ctx -> stay()),
                                    Button.of("d", "Soup", ctx -> stay()))))
            .window(
                    Shown.NAV,
                    w -> w.text("Nav")
                            .add(Row.of(Nav.back("« Back"), Nav.next("Next »")))
                            .add(Nav.cancel("Cancel")))
            .window(Shown.URL, w -> w.text("Url").add(Url.of("Bot API docs", "https://core.telegram.org/bots/api")))
            .window(
                    Shown.SELECT,
                    w -> w.text("Select")
                            .add(Select.builder("drink", ctx -> Catalogue.DRINKS)
                                    .width(3)
                                    .onClick((ctx, d) -> stay())
                                    .build()))
            .window(
                    Shown.RADIO,
                    w -> w.text("Radio")
                            .add(Radio.builder("size", ctx -> SIZES).width(3).build()))
            .window(
                    Shown.MULTISELECT,
                    w -> w.text("Multiselect")
                            .add(Multiselect.builder("toppings", ctx -> Catalogue.TOPPINGS)
                                    .width(3)
                                    .build()))
            .window(
                    Shown.TOGGLE,
                    w -> w.text("Toggle")
                            .add(Toggle.builder("spice", ctx -> Catalogue.SPICES)
                                    .label(s -> "Spice: " + s)
                                    .build()))
            .window(
                    Shown.CHECKBOX,
                    w -> w.text("Checkbox").add(Checkbox.of("cheese", "☑ Extra cheese", "☐ Extra cheese")))
            .window(
                    Shown.COUNTER,
                    w -> w.text("Counter")
                            .add(Counter.builder("qty").min(1).max(9).initial(2).build()))
            .window(
                    Shown.SCROLLING_GROUP,
                    w -> w.text("ScrollingGroup with a numbered Pager")
                            .add(Catalogue.FRUIT_LIST)
                            .add(Pager.numbered("fruit_pages", Catalogue.FRUIT_LIST, 3)))
            .window(
                    Shown.LIST_GROUP,
                    w -> w.text("ListGroup, a counter per line")
                            .add(ListGroup.builder("cart", Catalogue.CART)
                                    .itemId(Catalogue.CartLine::id)
                                    .row(line -> List.of(
                                            Button.of("name", line.name(), ctx -> stay()),
                                            Counter.builder("qty").min(0).max(9).build()))
                                    .build()))
            .window(
                    Shown.DATE_PICKER,
                    w -> w.text("DatePicker")
                            .add(DatePicker.builder("day")
                                    .locale(Locale.UK)
                                    .onPick((ctx, day) -> stay())
                                    .build()))
            .window(
                    Shown.TIME_PICKER,
                    w -> w.text("TimePicker")
                            .add(TimePicker.builder("time")
                                    .minuteStep(15)
                                    .onPick((ctx, time) -> stay())
                                    .build()))
            .window(
                    Shown.REPLY_BUTTONS,
                    w -> w.text("ReplyButton and RequestButtons (a reply keyboard)")
                            .keyboardKind(KeyboardKind.REPLY)
                            .add(RequestButtons.contact("phone", "📞 Share my phone", (ctx, contact) -> stay()))
                            .add(ReplyButton.of("menu", "« Menu", ctx -> stay())))
            .window(
                    Shown.INLINE_BUTTONS,
                    w -> w.text("InlineButtons")
                            .add(InlineButtons.copyText("Copy a promo code", "PROMO-42"))
                            .add(InlineButtons.webApp("Open a web app", "https://webappcontent.telegram.org/cafe")))
            .window(
                    Shown.STAR_RATING,
                    w -> w.text("StarRating (docs/custom-widget.md)").add(Catalogue.RATING))
            .build();
}
