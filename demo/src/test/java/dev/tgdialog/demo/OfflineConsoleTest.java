package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OfflineConsoleTest {

    private static String chat(String typed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OfflineConsole(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        return out.toString(StandardCharsets.UTF_8);
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
                bot> Your order: 3 × M pizza
                    Shall we bake it?
                    [1 Confirm]
                    [2 « Back] [3 Cancel]
                you> #1
                bot (edited)> Thanks! Your order: 3 × M pizza
                you> /quit
                bye
                """);
    }

    @Test
    void theBanner_explainsHowToPressButtons() throws Exception {
        String screen = chat("");

        assertThat(screen).startsWith("tgdialog demo, offline").contains("#N presses button N").endsWith("bye\n");
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
                bot> I take pizza orders.
                    /start – order a pizza (/start size_L starts with a large one)
                    /settings – switch the language
                    /book – book a hotel room (a day, a room, the guests)
                    /catalogue – try every kind of widget
                    /help – this text
                bye
                """);
    }
}
