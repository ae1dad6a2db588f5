package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTime;
import dev.tgdialog.testing.FakeUser;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The booking wizard as a chat, on Tuesday 10 March 2026. */
class BookingTest {
    final BotHarness harness = BotHarness.builder(
                    bot -> OrderBot.configure(bot, order -> {}, ReferralsTest.referrals()))
            .time(new FakeTime(Instant.parse("2026-03-10T09:00:00Z")))
            .build();
    final FakeUser ann = harness.user(1001, "Ann");

    @Test
    void aBooking_dayRoomOnPageTwoGuestsAndConfirm_endsWithASummary() {
        ann.send("/book");
        assertThat(ann.lastMessage().text()).isEqualTo("Book a room. Which day do you arrive?");
        assertThat(ann.buttons()).contains("March 2026", "[10]", "Cancel");

        ann.click("20");
        assertThat(ann.lastMessage().text()).isEqualTo("Arriving Fri 20 Mar 2026. Which room? 30 rooms, ten a page.");
        assertThat(ann.buttons())
                .startsWith("101 · sea", "102 · garden")
                .contains("Next »")
                .doesNotContain("113 · sea");

        ann.click("Next »");
        assertThat(ann.buttons()).startsWith("111 · sea").contains("« Prev", "Next »", "120 · garden");
        ann.click("113 · sea");
        assertThat(ann.lastMessage().text())
                .isEqualTo("Room 113 on Fri 20 Mar 2026. How many guests? Type a number from 1 to 6.");

        ann.send("two");
        assertThat(ann.lastMessage().text()).isEqualTo("""
                ⚠ "two" is not a number.
                Room 113 on Fri 20 Mar 2026. How many guests? Type a number from 1 to 6.""");
        ann.send("9");
        assertThat(ann.lastMessage().text()).startsWith("⚠ A room takes 1 to 6 guests, not 9.\nRoom 113");

        ann.send("2");
        assertThat(ann.lastMessage().text()).isEqualTo("""
                Room 113 from Fri 20 Mar 2026 for 2 guests.
                Shall we book it?""");
        assertThat(ann.buttons()).containsExactly("Confirm", "« Back", "Cancel");

        ann.click("Confirm");
        assertThat(ann.lastMessage().text()).isEqualTo("Booked! Room 113 from Fri 20 Mar 2026 for 2 guests.");
        assertThat(ann.lastMessage().inlineKeyboard()).isEmpty();
    }

    @Test
    void aDayBeforeToday_isRefused_andTheStepStays() {
        ann.send("/book");

        ann.click(4, 0); // 9 March, before today, shown as "·"

        assertThat(ann.lastAnswer().text()).isNotBlank();
        assertThat(ann.lastMessage().text()).isEqualTo("Book a room. Which day do you arrive?");
    }

    @Test
    void back_keepsWhatWasChosen_andAChangeFlowsIntoTheSummary() {
        ann.send("/book");
        ann.click("20");
        ann.click("Next »");
        ann.click("113 · sea");
        ann.send("2");

        ann.click("« Back");
        assertThat(ann.lastMessage().text()).endsWith("Type a number from 1 to 6.\n(So far: 2)");
        ann.click("« Back");
        assertThat(ann.lastMessage().text()).endsWith("(So far: room 113)");
        assertThat(ann.buttons()).as("the page shown before").contains("113 · sea");
        ann.click("« Back");
        assertThat(ann.lastMessage().text()).endsWith("(So far: Fri 20 Mar 2026)");

        ann.click("21");
        assertThat(ann.buttons()).as("still page 2").startsWith("111 · sea");
        ann.click("Next »");
        ann.click("124 · garden");
        assertThat(ann.lastMessage().text()).endsWith("(So far: 2)");
        ann.send("3");

        assertThat(ann.lastMessage().text()).startsWith("Room 124 from Sat 21 Mar 2026 for 3 guests.");
    }

    @Test
    void cancel_endsTheBooking() {
        ann.send("/book");
        ann.click("20");

        ann.click("Cancel");

        assertThat(ann.lastMessage().text()).isEqualTo("Booking cancelled.");
        assertThat(ann.lastMessage().inlineKeyboard()).isEmpty();
    }

    @Test
    void guestsTheParserRefuses_areExplainedInTheAuthorsWords_neverWithTheExceptionsText() {
        ann.send("/book");
        ann.click("20");
        ann.click("101 · sea");

        for (String typed : new String[] {"two", "99999999999", "+-1", "3.5"}) {
            ann.send(typed);
            assertThat(ann.lastMessage().text())
                    .startsWith("⚠ \"" + typed + "\" is not a number.\nRoom 101")
                    .doesNotContain("For input string", "Exception");
        }
        ann.send("0");
        assertThat(ann.lastMessage().text()).startsWith("⚠ A room takes 1 to 6 guests, not 0.\nRoom 101");
        ann.send("3");
        assertThat(ann.lastMessage().text()).startsWith("Room 101 from Fri 20 Mar 2026 for 3 guests.");
    }
}
