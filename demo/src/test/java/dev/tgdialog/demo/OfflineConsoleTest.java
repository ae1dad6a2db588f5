package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.testing.FakeTime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OfflineConsoleTest {

    private static String chat(String typed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OfflineConsole(
                        new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        order -> {})
                .run();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The part after the banner of a console whose clock starts at {@code now}. */
    private static String sessionAt(String now, String typed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OfflineConsole(
                        new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        true,
                        new FakeTime(Instant.parse(now)),
                        order -> {})
                .run();
        String screen = out.toString(StandardCharsets.UTF_8);
        return screen.substring(screen.indexOf("you> "));
    }

    /** The part after the banner. */
    private static String session(String typed) throws Exception {
        String screen = chat(typed);
        return screen.substring(screen.indexOf("you> "));
    }

    @Test
    void aScriptedOrder_printsEachMessageOnce_withNumberedButtons_andMarksEdits() throws Exception {
        String screen = session("/start\n#2\n3\n#1\n/quit\nnever read\n");

        assertThat(screen).isEqualTo("""
                you> /start
                bot> Which pizza size?
                    [1 Small] [2 Medium] [3 Large]
                    [4 Cancel]
                you> #2
                bot (edited)> Size M. How many pizzas? Type a number from 1 to 20.
                    [1 « Back] [2 Cancel]
                you> 3
                bot> [invoice] 3 × M pizza
                    [1 Pay ⭐]
                    [2 « Back] [3 Cancel]
                you> #1
                (paid)
                bot> Thanks! Paid 210 ⭐. Your order: 3 × M pizza
                bot> [sticker FAKE-sticker-0001]
                    [1 Order again]
                you> /quit
                bye
                """);
    }

    @Test
    void theBanner_explainsHowToPressButtons() throws Exception {
        String screen = chat("");

        assertThat(screen)
                .startsWith("tgdialog demo, offline")
                .contains("#N presses button N")
                .endsWith("bye\n");
    }

    @Test
    void aRefusedQuantity_printsTheWindowAgain_withTheError() throws Exception {
        String screen = session("/start\n#1\n21\n");

        assertThat(screen).endsWith("""
                you> 21
                bot> ⚠ 21 is too many, 20 at most.
                    Size S. How many pizzas? Type a number from 1 to 20.
                    [1 « Back] [2 Cancel]
                bye
                """);
    }

    @Test
    void toastsPrint_andTheSettingsReturnToTheOrder() throws Exception {
        String screen = session("/start\n/settings\n#1\n#2\n");

        assertThat(screen).contains("""
                you> #1
                bot (edited)> Einstellungen
                    Sprache: Deutsch
                    [1 Switch to English]
                    [2 Fertig]
                (toast) Sprache: Deutsch
                you> #2
                bot (edited)> Welche Pizzagröße?
                    [1 Klein] [2 Mittel] [3 Groß]
                    [4 Abbrechen]
                """);
    }

    @Test
    void aButtonThatIsNotThere_isSaidSo_andEndOfInputEnds() throws Exception {
        String screen = session("#1\n/start\n#5\n#0\nhello\n");

        assertThat(screen).isEqualTo("""
                you> #1
                (there is no button 1)
                you> /start
                bot> Which pizza size?
                    [1 Small] [2 Medium] [3 Large]
                    [4 Cancel]
                you> #5
                (there is no button 5)
                you> #0
                (there is no button 0)
                you> hello
                bot> Which pizza size?
                    [1 Small] [2 Medium] [3 Large]
                    [4 Cancel]
                bye
                """);
    }

    @Test
    void textOutsideADialog_andHelp_arePlainMessages() throws Exception {
        String screen = session("hi\n/help\n");

        assertThat(screen).isEqualTo("""
                you> hi
                bot> I did not get that. Type /start to order a pizza, or /help.
                you> /help
                bot> I take pizza orders. Commands:
                    /start — Order a pizza
                    /settings — Switch the language
                    /catalogue — Try every kind of widget
                    /book — Book a hotel room
                    /game — Toss a pizza (a game)
                    /ref — Your link to invite friends
                    /help — What this bot does
                bye
                """);
    }

    @Test
    void aScriptedBooking_showsTheCalendarAndThePagedRooms() throws Exception {
        String screen = sessionAt("2026-03-10T09:00:00Z", "/book\n#36\n#11\n#3\n9\n2\n#1\n");

        assertThat(screen).isEqualTo("""
                you> /book
                bot> Book a room. Which day do you arrive?
                    [1  ] [2 March 2026] [3 »]
                    [4 Mon] [5 Tue] [6 Wed] [7 Thu] [8 Fri] [9 Sat] [10 Sun]
                    [11  ] [12  ] [13  ] [14  ] [15  ] [16  ] [17 ·]
                    [18 ·] [19 ·] [20 ·] [21 ·] [22 ·] [23 ·] [24 ·]
                    [25 ·] [26 [10]] [27 11] [28 12] [29 13] [30 14] [31 15]
                    [32 16] [33 17] [34 18] [35 19] [36 20] [37 21] [38 22]
                    [39 23] [40 24] [41 25] [42 26] [43 27] [44 28] [45 29]
                    [46 30] [47 31] [48  ] [49  ] [50  ] [51  ] [52  ]
                    [53 Cancel]
                you> #36
                bot (edited)> Arriving Fri 20 Mar 2026. Which room? 30 rooms, ten a page.
                    [1 101 · sea] [2 102 · garden]
                    [3 103 · sea] [4 104 · garden]
                    [5 105 · sea] [6 106 · garden]
                    [7 107 · sea] [8 108 · garden]
                    [9 109 · sea] [10 110 · garden]
                    [11 Next »]
                    [12 « Back] [13 Cancel]
                you> #11
                bot (edited)> Arriving Fri 20 Mar 2026. Which room? 30 rooms, ten a page.
                    [1 111 · sea] [2 112 · garden]
                    [3 113 · sea] [4 114 · garden]
                    [5 115 · sea] [6 116 · garden]
                    [7 117 · sea] [8 118 · garden]
                    [9 119 · sea] [10 120 · garden]
                    [11 « Prev] [12 Next »]
                    [13 « Back] [14 Cancel]
                you> #3
                bot (edited)> Room 113 on Fri 20 Mar 2026. How many guests? Type a number from 1 to 6.
                    [1 « Back] [2 Cancel]
                you> 9
                bot> ⚠ A room takes 1 to 6 guests, not 9.
                    Room 113 on Fri 20 Mar 2026. How many guests? Type a number from 1 to 6.
                    [1 « Back] [2 Cancel]
                you> 2
                bot> Room 113 from Fri 20 Mar 2026 for 2 guests.
                    Shall we book it?
                    [1 Confirm]
                    [2 « Back] [3 Cancel]
                you> #1
                bot (edited)> Booked! Room 113 from Fri 20 Mar 2026 for 2 guests.
                bye
                """);
    }

    @Test
    void replyKeyboardButtons_areNumberedToo_andShareAMadeUpContact() throws Exception {
        String screen = session("/catalogue\n#5\n#1\n#3\n");

        assertThat(screen).isEqualTo("""
                you> /catalogue
                bot> Widget catalogue. Pick a group of widgets to try.
                    [1 Selections] [2 Lists]
                    [3 Pickers] [4 Inputs]
                    [5 Reply keyboard] [6 Links]
                    [7 Media] [8 A widget of our own]
                    [9 Close]
                you> #5
                bot (edited)> Widget catalogue. Pick a group of widgets to try.
                bot> Reply keyboard: buttons that ask your app for something.
                    Phone: - · location: -
                    <1 📞 Share my phone>
                    <2 📍 Share my location>
                    <3 « Menu>
                you> #1
                (your app shares your contact: +10000000001)
                bot> Reply keyboard: buttons that ask your app for something.
                    Phone: +10000000001 · location: -
                    <1 📞 Share my phone>
                    <2 📍 Share my location>
                    <3 « Menu>
                you> #3
                bot> Widget catalogue. Pick a group of widgets to try.
                bot (edited)> Widget catalogue. Pick a group of widgets to try.
                    [1 Selections] [2 Lists]
                    [3 Pickers] [4 Inputs]
                    [5 Reply keyboard] [6 Links]
                    [7 Media] [8 A widget of our own]
                    [9 Close]
                bye
                """);
    }
}
