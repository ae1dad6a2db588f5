package dev.tgdialog.widgets;

import static dev.tgdialog.widgets.PickerKeyboards.callbackData;
import static dev.tgdialog.widgets.PickerKeyboards.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTime;
import dev.tgdialog.testing.FakeUser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The date and time pickers on a server whose JVM runs in a locale with other digits: payloads stay ASCII and
 * parse, labels follow the user's {@code language_code} only (English without one), never the JVM's default.
 */
class PickerLocaleTest {
    enum Step implements WindowId {
        PICK,
        PICKED
    }

    static final Key<LocalDate> DAY = Key.of("day", LocalDate.class);
    static final Key<LocalTime> TIME = Key.of("time", LocalTime.class);

    private static final Locale PERSIAN = Locale.forLanguageTag("fa");

    private Locale jvmDefault;

    @BeforeEach
    void rememberTheDefaultLocale() {
        jvmDefault = Locale.getDefault();
    }

    @AfterEach
    void restoreTheDefaultLocale() {
        Locale.setDefault(jvmDefault);
    }

    /** A bot whose /start shows the picker; a pick shows "Picked {day}" or "Picked {time}". */
    static BotHarness bot(KeyboardWidget picker) {
        Dialog dialog = Dialog.builder("when")
                .window(Step.PICK, w -> w.text("Pick").add(picker))
                .window(Step.PICKED, w -> w.text(Text.format("Picked {day}{time}")))
                .build();
        return BotHarness.builder(b -> b.dialogs(dialog)
                        .command("start", (ctx, args) -> Transition.start(dialog, null, StartMode.RESET_STACK)))
                .time(new FakeTime(Instant.parse("2024-02-10T12:00:00Z")))
                .build();
    }

    static BotHarness datePickerBot() {
        return bot(DatePicker.builder("cal")
                .onPick((ctx, date) -> Transition.next().with(DAY, date))
                .build());
    }

    static BotHarness timePickerBot() {
        return bot(TimePicker.builder("at")
                .onPick((ctx, time) -> Transition.next().with(TIME, time))
                .build());
    }

    static List<String> row(String... labels) {
        return List.of(labels);
    }

    /** Every callback data on the user's last message is printable ASCII. */
    static void assertAsciiCallbackData(FakeUser user) {
        assertThat(callbackData(user.lastMessage()))
                .allSatisfy(data -> assertThat(data).matches("[\\x20-\\x7e]+"));
    }

    @Test
    void underAPersianJvm_anEnglishUser_walksTheDatePickerThroughMonthsAndYears_inAsciiDigits() {
        Locale.setDefault(PERSIAN);
        FakeUser ann = datePickerBot().user(1001, "Ann");
        ann.send("/start");
        assertThat(rows(ann.lastMessage()).subList(0, 3))
                .containsExactly(
                        row("«", "February 2024", "»"),
                        row("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"),
                        row(" ", " ", " ", " ", "1", "2", "3"));
        assertAsciiCallbackData(ann);

        ann.click("February 2024");
        assertThat(rows(ann.lastMessage()).subList(0, 2))
                .containsExactly(row("«", "2024", "»"), row("Jan", "[Feb]", "Mar"));
        assertAsciiCallbackData(ann);

        ann.click("2024");
        assertThat(rows(ann.lastMessage()))
                .containsExactly(
                        row("«", "2016 – 2027", "»"),
                        row("2016", "2017", "2018"),
                        row("2019", "2020", "2021"),
                        row("2022", "2023", "[2024]"),
                        row("2025", "2026", "2027"));
        assertAsciiCallbackData(ann);

        ann.click("2025");
        assertThat(rows(ann.lastMessage()).get(0)).containsExactly("«", "2025", "»");
        ann.click("Mar");
        assertThat(rows(ann.lastMessage()).get(0)).containsExactly("«", "March 2025", "»");
        ann.click("31");

        assertThat(ann.lastMessage().text()).isEqualTo("Picked 2025-03-31");
    }

    @Test
    void aPersianUser_seesPersianNamesAndDigits_whileThePayloadsStillParse() {
        Locale.setDefault(Locale.US);
        BotHarness harness = datePickerBot();
        FakeUser reza = harness.user(1002, "Reza", "fa");
        Locale fa = PickerLocale.userLocale(Optional.of(Locale.forLanguageTag("fa")));
        String february = PickerLocale.title(Month.FEBRUARY, fa);
        String march = PickerLocale.shortMonthName(Month.MARCH, fa);
        assertThat(february).doesNotContain("Feb");

        reza.send("/start");
        assertThat(rows(reza.lastMessage()).get(0)).containsExactly("«", february + " ۲۰۲۴", "»");
        assertThat(reza.lastMessage().buttonLabels())
                .contains("۱", "[۱۰]", "۲۹")
                .doesNotContain("1", "29");
        assertAsciiCallbackData(reza);

        reza.click(february + " ۲۰۲۴");
        assertThat(rows(reza.lastMessage()).get(0)).containsExactly("«", "۲۰۲۴", "»");
        reza.click("۲۰۲۴");
        assertThat(rows(reza.lastMessage()).get(0)).containsExactly("«", "۲۰۱۶ – ۲۰۲۷", "»");
        assertAsciiCallbackData(reza);
        reza.click("۲۰۲۵");
        reza.click(march);
        reza.click("۳۱");

        assertThat(reza.lastMessage().text()).isEqualTo("Picked 2025-03-31");
    }

    @Test
    void underAPersianJvm_anEnglishUser_picksATime_inAsciiDigits() {
        Locale.setDefault(PERSIAN);
        FakeUser ann = timePickerBot().user(1001, "Ann");
        ann.send("/start");
        assertThat(rows(ann.lastMessage()).get(0)).containsExactly("00", "01", "02", "03", "04", "05");
        assertAsciiCallbackData(ann);

        ann.click("09");
        assertThat(rows(ann.lastMessage()).get(0)).containsExactly("09:00", "09:15", "09:30", "09:45");
        assertAsciiCallbackData(ann);
        ann.click("09:15");

        assertThat(ann.lastMessage().text()).isEqualTo("Picked 09:15");
    }

    @Test
    void aPersianUser_picksATime_byPersianLabels_whileThePayloadsStillParse() {
        Locale.setDefault(Locale.US);
        FakeUser reza = timePickerBot().user(1002, "Reza", "fa");
        reza.send("/start");
        assertThat(rows(reza.lastMessage()).get(0)).containsExactly("۰۰", "۰۱", "۰۲", "۰۳", "۰۴", "۰۵");
        assertAsciiCallbackData(reza);

        reza.click("۰۹");
        assertThat(rows(reza.lastMessage()).get(0)).containsExactly("۰۹:۰۰", "۰۹:۱۵", "۰۹:۳۰", "۰۹:۴۵");
        reza.click("۰۹:۱۵");

        assertThat(reza.lastMessage().text()).isEqualTo("Picked 09:15");
    }
}
