package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTime;
import dev.tgdialog.testing.FakeUser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The widget catalogue as a chat: every group's window, and one interaction in each. */
class CatalogueTest {
    static final String MENU = "Widget catalogue. Pick a group of widgets to try.";

    final BotHarness harness = BotHarness.builder(
                    bot -> OrderBot.configure(bot, order -> {}, ReferralsTest.referrals()))
            .time(new FakeTime(Instant.parse("2026-03-10T09:00:00Z")))
            .build();
    final FakeUser ann = harness.user(1001, "Ann");

    /** Opens the catalogue and the group with this menu label. */
    private void open(String group) {
        ann.send("/catalogue");
        assertThat(ann.lastMessage().text()).isEqualTo(MENU);
        ann.click(group);
    }

    /** Clicks the button {@code offset} places right of the one labelled {@code label}, in its row. */
    private void clickNextTo(String label, int offset) {
        List<List<InlineKeyboardButton>> rows = ann.lastMessage().inlineKeyboard();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (rows.get(r).get(c).text().equals(label)) {
                    ann.click(r, c + offset);
                    return;
                }
            }
        }
        throw new AssertionError("no button " + label + " in " + ann.buttons());
    }

    @ParameterizedTest
    @CsvSource({
        "Selections, Selections",
        "Lists, Lists",
        "Pickers, Pickers",
        "Inputs, Inputs",
        "Reply keyboard, Reply keyboard:",
        "Links, Links:",
        "Media, Media:",
        "A widget of our own, Rate the catalogue: 0 of 5"
    })
    void everyGroup_rendersItsWindow_andLeadsBackToTheMenu(String label, String title) {
        open(label);
        assertThat(ann.lastMessage().text()).startsWith(title);

        ann.click("« Menu");

        assertThat(ann.lastMessage().text()).isEqualTo(MENU);
        assertThat(ann.buttons())
                .containsExactly(
                        "Selections",
                        "Lists",
                        "Pickers",
                        "Inputs",
                        "Reply keyboard",
                        "Links",
                        "Media",
                        "A widget of our own",
                        "Close");
    }

    @Test
    void selections_eachWidgetShowsItsValue() {
        open("Selections");
        assertThat(ann.lastMessage().text()).isEqualTo("""
                Selections
                Select: - · Radio: - · Multiselect: \n\
                Toggle: mild · Checkbox: off · Counter: 1""");

        ann.click("Coffee");
        ann.click("⚪ M");
        ann.click("Ham");
        ann.click("Basil");
        ann.click("Spice: mild");
        ann.click("☐ Extra cheese");
        ann.click("+");

        assertThat(ann.lastMessage().text()).isEqualTo("""
                Selections
                Select: Coffee · Radio: M · Multiselect: Ham, Basil
                Toggle: medium · Checkbox: on · Counter: 2""");
    }

    @Test
    void lists_pageTheScrollingGroup_andCountPerCartLine() {
        open("Lists");
        assertThat(ann.buttons()).startsWith("Apple", "Banana", "Cherry", "Date", "Elderberry", "Fig", "·1·", "2", "3");

        ann.click("2");
        assertThat(ann.buttons()).startsWith("Grape", "Kiwi", "Lemon");
        ann.click("Lemon");
        clickNextTo("Tea", 3);
        clickNextTo("Tea", 3);
        clickNextTo("Pie", 3);

        assertThat(ann.lastMessage().text()).isEqualTo("""
                Lists
                ScrollingGroup, page 2 · picked: Lemon
                ListGroup, a counter per line: 2 × Tea, 1 × Pie""");
        clickNextTo("Cake", 1);
        assertThat(ann.lastAnswer().text()).isEqualTo("The least is 0");
        ann.click("Pie");
        assertThat(ann.lastAnswer().text()).isEqualTo("Pie: 1 in the cart");
    }

    @Test
    void pickers_pickADayAndATime() {
        open("Pickers");
        assertThat(ann.buttons()).contains("March 2026", "[10]", "00", "23");

        ann.click("15");
        ann.click("09");
        ann.click("09:45");

        assertThat(ann.lastMessage().text()).isEqualTo("Pickers\nDatePicker: 2026-03-15 · TimePicker: 09:45");
    }

    @Test
    void inputs_takeTextAndPhotos() {
        open("Inputs");

        ann.send("hello there");
        ann.sendPhoto("photo-file-1", null);

        assertThat(ann.lastMessage().text()).endsWith("Text: hello there · photo: photo-file-1");
    }

    @Test
    void replyKeyboard_asksForContactAndLocation_andItsMenuButtonWorks() {
        open("Reply keyboard");
        List<KeyboardButton> buttons = ((ReplyKeyboardMarkup) ann.lastMessage().replyMarkup())
                .keyboard().stream().flatMap(List::stream).toList();
        assertThat(buttons.get(0).requestContact()).isTrue();
        assertThat(buttons.get(1).requestLocation()).isTrue();

        ann.sendContact("+4930123", "Ann");
        ann.sendLocation(52.5, 13.4);
        assertThat(ann.lastMessage().text()).endsWith("Phone: +4930123 · location: 52.5, 13.4");

        ann.click("« Menu");
        assertThat(ann.lastMessage().text()).isEqualTo(MENU);
    }

    @Test
    void links_areButtonsTelegramHandles() {
        open("Links");

        List<InlineKeyboardButton> buttons = ann.lastMessage().inlineKeyboard().stream()
                .flatMap(List::stream)
                .toList();

        assertThat(buttons.get(0).url()).isEqualTo("https://core.telegram.org/bots/api");
        assertThat(buttons.get(1).copyText().text()).isEqualTo("PROMO-42");
        assertThat(buttons.get(2).switchInlineQueryCurrentChat()).isEqualTo("pizza");
        assertThat(buttons.get(3).webApp().url()).startsWith("https://");
        assertThat(buttons.subList(0, 4)).allMatch(b -> b.callbackData() == null);
    }

    @Test
    void media_scrollsThroughTheGallery() {
        open("Media");
        assertThat(ann.lastMessage().fileId()).isEqualTo("demo-photo-sunrise");

        ann.click("Next »");

        assertThat(ann.lastMessage().fileId()).isEqualTo("demo-photo-harbour");
        assertThat(ann.lastMessage().text()).isEqualTo("Media: photo 2 of 3");
    }

    @Test
    void close_endsTheCatalogue() {
        ann.send("/catalogue");

        ann.click("Close");

        assertThat(ann.lastMessage().text()).isEqualTo("Catalogue closed.");
    }
}
