package dev.tgdialog.demo;

import static dev.tgdialog.Transition.back;
import static dev.tgdialog.Transition.done;
import static dev.tgdialog.Transition.next;
import static dev.tgdialog.Transition.stay;

import dev.tgdialog.Dialog;
import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.WindowId;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.widgets.Button;
import dev.tgdialog.widgets.DatePicker;
import dev.tgdialog.widgets.Row;
import dev.tgdialog.widgets.ScrollingGroup;
import dev.tgdialog.widgets.Select;
import dev.tgdialog.widgets.TextInput;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hotel-room booking wizard ({@code /book}): a day in a calendar (not before today), a room from a list of 30 in
 * pages of ten, the number of guests typed as text (1-6; anything else is answered and the step stays), and a
 * confirmation that ends with a summary. Back keeps what was chosen.
 */
final class Booking {
    private static final Logger log = LoggerFactory.getLogger(Booking.class);

    private Booking() {}

    /** The steps of a booking. */
    enum Step implements WindowId {
        DAY,
        ROOM,
        GUESTS,
        CONFIRM
    }

    /** A room of the hotel. */
    record Room(int number, String view) {
        String id() {
            return Integer.toString(number);
        }

        String label() {
            return number + " · " + view;
        }
    }

    /** What the booking dialog returns when confirmed. */
    record Reservation(LocalDate day, int room, int guests) {}

    static final int MIN_GUESTS = 1;
    static final int MAX_GUESTS = 6;

    /** Rooms 101-130; odd rooms face the sea, even ones the garden. */
    static final List<Room> ROOMS = IntStream.rangeClosed(101, 130)
            .mapToObj(n -> new Room(n, n % 2 == 1 ? "sea" : "garden"))
            .toList();

    static final Key<LocalDate> DAY = Key.of("day", LocalDate.class);
    static final Key<Integer> ROOM = Key.of("room", Integer.class);
    static final Key<Integer> GUESTS = Key.of("guests", Integer.class);

    private static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    static final ScrollingGroup ROOM_LIST = ScrollingGroup.builder("rooms")
            .width(2)
            .height(5)
            .add(Select.builder("room", ctx -> ROOMS)
                    .itemId(Room::id)
                    .label(Room::label)
                    .onClick((ctx, room) -> next().with(ROOM, room.number()))
                    .build())
            .build();

    /** The room list, declaring for the transition map that picking a room leads on. */
    static final KeyboardWidget ROOMS_LEADING = ROOM_LIST.leadsTo(next());

    static final Dialog DIALOG = Dialog.builder("booking")
            .window(
                    Step.DAY,
                    w -> w.text("Book a room. Which day do you arrive?")
                            .text(ctx -> ctx.get(DAY) == null ? "" : "(So far: " + day(ctx) + ")")
                            .add(DatePicker.builder("day")
                                    .notBeforeToday()
                                    .locale(Locale.UK)
                                    .onPick((ctx, day) -> next().with(DAY, day))
                                    .build()
                                    .leadsTo(next()))
                            .add(cancelButton()))
            .window(
                    Step.ROOM,
                    w -> w.sample(DAY, LocalDate.of(2026, 1, 20))
                            .text(ctx ->
                                    "Arriving " + day(ctx) + ". Which room? " + ROOMS.size() + " rooms, ten a page.")
                            .text(ctx -> ctx.get(ROOM) == null ? "" : "(So far: room " + ctx.get(ROOM) + ")")
                            .add(ROOMS_LEADING)
                            .add(Row.of(backButton(), cancelButton())))
            .window(
                    Step.GUESTS,
                    w -> w.sample(DAY, LocalDate.of(2026, 1, 20))
                            .sample(ROOM, 113)
                            .text(ctx -> "Room " + ctx.get(ROOM) + " on " + day(ctx)
                                    + ". How many guests? Type a number from " + MIN_GUESTS + " to " + MAX_GUESTS + ".")
                            .text(ctx -> ctx.get(GUESTS) == null ? "" : "(So far: " + ctx.get(GUESTS) + ")")
                            .add(TextInput.of(
                                            "guests",
                                            Booking::parseGuests,
                                            (ctx, guests) -> next().with(GUESTS, guests),
                                            (ctx, text, error) -> stay().reply(refusal(text)))
                                    .leadsTo(next()))
                            .add(Row.of(backButton(), cancelButton())))
            .window(
                    Step.CONFIRM,
                    w -> w.sample(DAY, LocalDate.of(2026, 1, 20))
                            .sample(ROOM, 113)
                            .sample(GUESTS, 2)
                            .text(ctx -> summary(reservation(ctx)))
                            .text("Shall we book it?")
                            .add(Button.of("confirm", "Confirm", ctx -> {
                                        Reservation reservation = reservation(ctx);
                                        log.info("Booking of user {}: {}", ctx.userId(), reservation);
                                        return done(reservation).saying("Booked! " + summary(reservation));
                                    })
                                    .leadsTo(done()))
                            .add(Row.of(backButton(), cancelButton())))
            .build();

    /** The number of guests typed; fails (with no message meant for the user) when it is not one the room takes. */
    static int parseGuests(String typed) {
        int guests = Integer.parseInt(typed.strip());
        if (guests < MIN_GUESTS || guests > MAX_GUESTS) {
            throw new IllegalArgumentException("out of range");
        }
        return guests;
    }

    /**
     * What is wrong with refused guests, worded here from the text typed: a parser's exception text ({@code For input
     * string: "two"}) is never shown to the user.
     */
    static String refusal(String typed) {
        String text = typed.strip();
        if (!text.matches("[+-]?\\d{1,9}")) {
            String shown = text.length() <= 20 ? text : text.substring(0, 19) + "…";
            return "⚠ \"" + shown + "\" is not a number.";
        }
        return "⚠ A room takes " + MIN_GUESTS + " to " + MAX_GUESTS + " guests, not " + Integer.parseInt(text) + ".";
    }

    static String summary(Reservation r) {
        return "Room " + r.room() + " from " + DAY_FORMAT.format(r.day()) + " for " + r.guests()
                + (r.guests() == 1 ? " guest." : " guests.");
    }

    private static Reservation reservation(DialogContext ctx) {
        return new Reservation(ctx.require(DAY), ctx.require(ROOM), ctx.require(GUESTS));
    }

    private static KeyboardWidget backButton() {
        return Button.of("back", "« Back", ctx -> back()).leadsTo(back());
    }

    private static KeyboardWidget cancelButton() {
        return Button.of("cancel", "Cancel", ctx -> done().saying("Booking cancelled."))
                .leadsTo(done());
    }

    private static String day(DialogContext ctx) {
        return DAY_FORMAT.format(ctx.require(DAY));
    }
}
