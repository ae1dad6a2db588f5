package dev.tgdialog.demo;

import static dev.tgdialog.Transition.done;
import static dev.tgdialog.Transition.stay;
import static dev.tgdialog.Transition.switchTo;

import dev.tgdialog.Dialog;
import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.KeyboardKind;
import dev.tgdialog.WindowId;
import dev.tgdialog.spi.Media;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.telegram.types.PhotoSize;
import dev.tgdialog.widgets.Button;
import dev.tgdialog.widgets.Checkbox;
import dev.tgdialog.widgets.Counter;
import dev.tgdialog.widgets.DatePicker;
import dev.tgdialog.widgets.Group;
import dev.tgdialog.widgets.InlineButtons;
import dev.tgdialog.widgets.ListGroup;
import dev.tgdialog.widgets.MediaScroll;
import dev.tgdialog.widgets.MessageInput;
import dev.tgdialog.widgets.MessageInput.ContentType;
import dev.tgdialog.widgets.Multiselect;
import dev.tgdialog.widgets.Nav;
import dev.tgdialog.widgets.Pager;
import dev.tgdialog.widgets.Radio;
import dev.tgdialog.widgets.ReplyButton;
import dev.tgdialog.widgets.RequestButtons;
import dev.tgdialog.widgets.Scrollable;
import dev.tgdialog.widgets.ScrollingGroup;
import dev.tgdialog.widgets.Select;
import dev.tgdialog.widgets.TextInput;
import dev.tgdialog.widgets.TimePicker;
import dev.tgdialog.widgets.Toggle;
import dev.tgdialog.widgets.Url;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The widget catalogue ({@code /catalogue}): a menu of widget groups, each shown in a window of its own with every
 * widget of the group working and what it holds printed above the buttons. Every window leads back to the menu.
 */
final class Catalogue {
    private Catalogue() {}

    /** The menu and one window per group of widgets. */
    enum Part implements WindowId {
        MENU,
        SELECTIONS,
        LISTS,
        PICKERS,
        INPUTS,
        REPLY,
        LINKS,
        MEDIA,
        CUSTOM
    }

    /** A line of the demo cart, each with its own quantity counter. */
    record CartLine(String id, String name) {
        /** The dialog-data key the line's counter mirrors its quantity into. */
        Key<Integer> quantity() {
            return Key.of("cart_" + id, Integer.class);
        }
    }

    static final List<String> DRINKS = List.of("Tea", "Coffee", "Juice");
    static final List<String> SIZES = List.of("S", "M", "L");
    static final List<String> TOPPINGS = List.of("Olives", "Ham", "Basil");
    static final List<String> SPICES = List.of("mild", "medium", "hot");
    static final List<String> FRUITS = List.of(
            "Apple",
            "Banana",
            "Cherry",
            "Date",
            "Elderberry",
            "Fig",
            "Grape",
            "Kiwi",
            "Lemon",
            "Mango",
            "Nectarine",
            "Orange",
            "Papaya",
            "Quince",
            "Raspberry",
            "Strawberry");
    static final List<CartLine> CART =
            List.of(new CartLine("tea", "Tea"), new CartLine("cake", "Cake"), new CartLine("pie", "Pie"));
    /** Photos by file_id: Telegram knows them without an upload (in the offline console, the fake Telegram does). */
    static final List<Media> GALLERY = List.of(
            Media.photo(InputFile.fileId("demo-photo-sunrise")),
            Media.photo(InputFile.fileId("demo-photo-harbour")),
            Media.photo(InputFile.fileId("demo-photo-lighthouse")));

    static final Key<String> DRINK = Key.of("drink", String.class);
    static final Key<String> SIZE = Key.of("size", String.class);
    static final Key<List<String>> TOPPINGS_CHECKED = Key.listOf("toppings", String.class);
    static final Key<String> SPICE = Key.of("spice", String.class);
    static final Key<Boolean> CHEESE = Key.of("cheese", Boolean.class);
    static final Key<Integer> QUANTITY = Key.of("quantity", Integer.class);
    static final Key<String> FRUIT = Key.of("fruit", String.class);
    static final Key<LocalDate> DAY = Key.of("day", LocalDate.class);
    static final Key<LocalTime> TIME = Key.of("time", LocalTime.class);
    static final Key<String> NOTE = Key.of("note", String.class);
    static final Key<String> PHOTO = Key.of("photo", String.class);
    static final Key<String> PHONE = Key.of("phone", String.class);
    static final Key<String> PLACE = Key.of("place", String.class);

    static final ScrollingGroup FRUIT_LIST = ScrollingGroup.builder("fruits")
            .width(3)
            .height(2)
            .pager(null)
            .add(Select.builder("fruit", ctx -> FRUITS)
                    .width(3)
                    .onClick((ctx, fruit) -> stay().with(FRUIT, fruit))
                    .build())
            .build();

    static final MediaScroll PHOTOS = MediaScroll.of("gallery", ctx -> GALLERY);

    // --- README: custom widget, made ---
    static final StarRating RATING =
            StarRating.of("rating", (ctx, stars) -> stay().reply("Thanks for " + stars + " ★"));
    // --- end ---

    static final Dialog DIALOG = Dialog.builder("catalogue")
            .window(
                    Part.MENU,
                    w -> w.text("Widget catalogue. Pick a group of widgets to try.")
                            .add(Group.of(
                                    2,
                                    Nav.switchTo("Selections", Part.SELECTIONS),
                                    Nav.switchTo("Lists", Part.LISTS),
                                    Nav.switchTo("Pickers", Part.PICKERS),
                                    Nav.switchTo("Inputs", Part.INPUTS),
                                    Nav.switchTo("Reply keyboard", Part.REPLY),
                                    Nav.switchTo("Links", Part.LINKS),
                                    Nav.switchTo("Media", Part.MEDIA),
                                    Nav.switchTo("A widget of our own", Part.CUSTOM)))
                            .add(Button.of("close", "Close", ctx -> done().saying("Catalogue closed."))
                                    .leadsTo(done())))
            .window(
                    Part.SELECTIONS,
                    w -> w.text("Selections")
                            .text(ctx -> "Select: " + ctx.get(DRINK, "-") + " · Radio: " + ctx.get(SIZE, "-")
                                    + " · Multiselect: " + String.join(", ", ctx.get(TOPPINGS_CHECKED, List.of()))
                                    + "\nToggle: " + ctx.get(SPICE, SPICES.get(0))
                                    + " · Checkbox: " + (ctx.get(CHEESE, false) ? "on" : "off")
                                    + " · Counter: " + ctx.get(QUANTITY, 1))
                            .add(Select.builder("drink", ctx -> DRINKS)
                                    .width(3)
                                    .onClick((ctx, drink) -> stay().with(DRINK, drink))
                                    .build())
                            .add(Radio.builder("size", ctx -> SIZES)
                                    .width(3)
                                    .into(SIZE)
                                    .build())
                            .add(Multiselect.builder("toppings", ctx -> TOPPINGS)
                                    .width(3)
                                    .into(TOPPINGS_CHECKED)
                                    .build())
                            .add(Toggle.builder("spice", ctx -> SPICES)
                                    .label(spice -> "Spice: " + spice)
                                    .into(SPICE)
                                    .build())
                            .add(Checkbox.builder("cheese", "☑ Extra cheese", "☐ Extra cheese")
                                    .into(CHEESE)
                                    .build())
                            .add(Counter.builder("quantity")
                                    .min(1)
                                    .max(9)
                                    .initial(1)
                                    .into(QUANTITY)
                                    .build())
                            .add(menuButton()))
            .window(
                    Part.LISTS,
                    w -> w.text(ctx -> "Lists\nScrollingGroup, page " + (Scrollable.page(ctx, FRUIT_LIST.id()) + 1)
                                    + " · picked: " + ctx.get(FRUIT, "-") + "\nListGroup, a counter per line: "
                                    + cart(ctx))
                            .add(FRUIT_LIST)
                            .add(Pager.numbered("fruit_pages", FRUIT_LIST, 3))
                            .add(ListGroup.builder("cart", CART)
                                    .itemId(CartLine::id)
                                    .row(line -> List.of(
                                            Button.of("name", line.name(), ctx -> {
                                                ctx.toast(line.name() + ": " + ctx.get(line.quantity(), 0)
                                                        + " in the cart");
                                                return stay();
                                            }),
                                            Counter.builder("qty")
                                                    .min(0)
                                                    .max(9)
                                                    .into(line.quantity())
                                                    .build()))
                                    .build())
                            .add(menuButton()))
            .window(
                    Part.PICKERS,
                    w -> w.text(ctx -> "Pickers\nDatePicker: " + (ctx.get(DAY) == null ? "-" : ctx.get(DAY))
                                    + " · TimePicker: " + (ctx.get(TIME) == null ? "-" : ctx.get(TIME)))
                            .add(DatePicker.builder("day")
                                    .locale(Locale.UK)
                                    .onPick((ctx, day) -> stay().with(DAY, day))
                                    .build())
                            .add(TimePicker.builder("time")
                                    .minuteStep(15)
                                    .onPick((ctx, time) -> stay().with(TIME, time))
                                    .build())
                            .add(menuButton()))
            .window(
                    Part.INPUTS,
                    w -> w.text(ctx -> "Inputs\nSend any text (TextInput) or a photo (MessageInput).\nText: "
                                    + ctx.get(NOTE, "-") + " · photo: " + ctx.get(PHOTO, "-"))
                            .add(TextInput.text("note", (ctx, text) -> stay().with(NOTE, text.strip())))
                            .add(MessageInput.of("photo", ContentType.PHOTO, (ctx, message) -> {
                                List<PhotoSize> sizes = message.photo();
                                return stay().with(
                                                PHOTO,
                                                sizes.get(sizes.size() - 1).fileId());
                            }))
                            .add(menuButton()))
            .window(
                    Part.REPLY,
                    w -> w.text(ctx -> "Reply keyboard: buttons that ask your app for something.\nPhone: "
                                    + ctx.get(PHONE, "-") + " · location: " + ctx.get(PLACE, "-"))
                            .keyboardKind(KeyboardKind.REPLY)
                            .add(RequestButtons.contact(
                                    "phone",
                                    "📞 Share my phone",
                                    (ctx, contact) -> stay().with(PHONE, contact.phoneNumber())))
                            .add(RequestButtons.location(
                                    "where",
                                    "📍 Share my location",
                                    (ctx, place) -> stay().with(PLACE, place.latitude() + ", " + place.longitude())))
                            .add(ReplyButton.of("menu", "« Menu", ctx -> switchTo(Part.MENU))
                                    .leadsTo(switchTo(Part.MENU))))
            .window(
                    Part.LINKS,
                    w -> w.text("Links: buttons Telegram handles itself, without calling the bot.")
                            .add(Url.of("Bot API docs", "https://core.telegram.org/bots/api"))
                            .add(InlineButtons.copyText("Copy a promo code", "PROMO-42"))
                            .add(InlineButtons.switchInlineQueryCurrentChat("Inline query here", "pizza"))
                            .add(InlineButtons.webApp("Open a web app", "https://webappcontent.telegram.org/cafe"))
                            .add(menuButton()))
            .window(
                    Part.MEDIA,
                    w -> w.media(PHOTOS)
                            .text(ctx ->
                                    "Media: photo " + (Scrollable.page(ctx, PHOTOS.id()) + 1) + " of " + GALLERY.size())
                            .add(PHOTOS)
                            .add(Pager.prevNext("gallery_pages", PHOTOS))
                            .add(menuButton()))
            // --- README: custom widget, in a window ---
            .window(
                    Part.CUSTOM,
                    w -> w.text(ctx -> "Rate the catalogue: " + RATING.stars(ctx) + " of 5")
                            .add(RATING)
                            .add(menuButton()))
            // --- end ---
            .build();

    private static Button menuButton() {
        return Nav.switchTo("« Menu", Part.MENU);
    }

    /** The cart's lines with a quantity, as "2 × Tea, 1 × Pie". */
    private static String cart(DialogContext ctx) {
        List<String> lines = new ArrayList<>();
        for (CartLine line : CART) {
            int quantity = ctx.get(line.quantity(), 0);
            if (quantity > 0) {
                lines.add(quantity + " × " + line.name());
            }
        }
        return lines.isEmpty() ? "empty" : String.join(", ", lines);
    }
}
