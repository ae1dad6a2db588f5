package dev.tgdialog.widgets;

import static dev.tgdialog.widgets.PickerKeyboards.forge;
import static dev.tgdialog.widgets.PickerKeyboards.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeTime;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.RoundTripStore;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.WeekFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class DatePickerTest {
    enum Step implements WindowId {
        PICK,
        PICKED
    }

    static final Key<LocalDate> DAY = Key.of("day", LocalDate.class);

    /** The store of the latest bot made. */
    RoundTripStore store = new RoundTripStore();

    /** A bot whose /start opens a dialog with the picker; a picked day shows as "Picked 2024-02-29". */
    BotHarness bot(String now, UnaryOperator<DatePicker.Builder> settings) {
        store = new RoundTripStore();
        DatePicker picker = settings.apply(DatePicker.builder("cal")
                        .onPick((ctx, date) -> Transition.next().with(DAY, date)))
                .build();
        Dialog dialog = Dialog.builder("when")
                .window(Step.PICK, w -> w.text("Pick a day").add(picker))
                .window(Step.PICKED, w -> w.text(Text.format("Picked {day}")))
                .build();
        return BotHarness.builder(b -> b.dialogs(dialog)
                        .command("start", (ctx, args) -> Transition.start(dialog, null, StartMode.RESET_STACK)))
                .store(store)
                .time(new FakeTime(Instant.parse(now)))
                .build();
    }

    FakeUser started(BotHarness harness) {
        FakeUser ann = harness.user(1001, "Ann");
        ann.send("/start");
        return ann;
    }

    static List<String> row(String... labels) {
        return List.of(labels);
    }

    @Test
    void february2024_mondayFirst_isALeapMonthOfFiveWeeks_withTodayMarked() {
        FakeUser ann = started(bot("2024-02-10T12:00:00Z", p -> p.locale(Locale.UK)));

        assertThat(rows(ann.lastMessage()))
                .containsExactly(
                        row("«", "February 2024", "»"),
                        row("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
                        row(" ", " ", " ", "1", "2", "3", "4"),
                        row("5", "6", "7", "8", "9", "[10]", "11"),
                        row("12", "13", "14", "15", "16", "17", "18"),
                        row("19", "20", "21", "22", "23", "24", "25"),
                        row("26", "27", "28", "29", " ", " ", " "));
    }

    @Test
    void february2024_sundayFirst_startsTheWeekOnSunday() {
        FakeUser ann = started(bot("2024-02-10T12:00:00Z", p -> p.locale(Locale.US)));

        assertThat(rows(ann.lastMessage()))
                .containsExactly(
                        row("«", "February 2024", "»"),
                        row("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"),
                        row(" ", " ", " ", " ", "1", "2", "3"),
                        row("4", "5", "6", "7", "8", "9", "[10]"),
                        row("11", "12", "13", "14", "15", "16", "17"),
                        row("18", "19", "20", "21", "22", "23", "24"),
                        row("25", "26", "27", "28", "29", " ", " "));
    }

    @Test
    void february2025_hasTwentyEightDays_inBothWeekOrders() {
        FakeUser uk = started(bot("2025-02-14T12:00:00Z", p -> p.locale(Locale.UK)));
        assertThat(rows(uk.lastMessage()))
                .containsExactly(
                        row("«", "February 2025", "»"),
                        row("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
                        row(" ", " ", " ", " ", " ", "1", "2"),
                        row("3", "4", "5", "6", "7", "8", "9"),
                        row("10", "11", "12", "13", "[14]", "15", "16"),
                        row("17", "18", "19", "20", "21", "22", "23"),
                        row("24", "25", "26", "27", "28", " ", " "));

        FakeUser us = started(bot("2025-02-14T12:00:00Z", p -> p.locale(Locale.US)));
        assertThat(rows(us.lastMessage()))
                .containsExactly(
                        row("«", "February 2025", "»"),
                        row("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"),
                        row(" ", " ", " ", " ", " ", " ", "1"),
                        row("2", "3", "4", "5", "6", "7", "8"),
                        row("9", "10", "11", "12", "13", "[14]", "15"),
                        row("16", "17", "18", "19", "20", "21", "22"),
                        row("23", "24", "25", "26", "27", "28", " "));
    }

    @Test
    void september2024_startsOnSunday_sixWeeksMondayFirstInGerman_fiveWeeksSundayFirst() {
        FakeUser de = started(bot("2024-09-20T12:00:00Z", p -> p.locale(Locale.GERMANY)));
        assertThat(rows(de.lastMessage()))
                .containsExactly(
                        row("«", "September 2024", "»"),
                        row("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
                        row(" ", " ", " ", " ", " ", " ", "1"),
                        row("2", "3", "4", "5", "6", "7", "8"),
                        row("9", "10", "11", "12", "13", "14", "15"),
                        row("16", "17", "18", "19", "[20]", "21", "22"),
                        row("23", "24", "25", "26", "27", "28", "29"),
                        row("30", " ", " ", " ", " ", " ", " "));

        FakeUser us = started(bot("2024-09-20T12:00:00Z", p -> p.locale(Locale.US)));
        assertThat(rows(us.lastMessage()))
                .containsExactly(
                        row("«", "September 2024", "»"),
                        row("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"),
                        row("1", "2", "3", "4", "5", "6", "7"),
                        row("8", "9", "10", "11", "12", "13", "14"),
                        row("15", "16", "17", "18", "19", "[20]", "21"),
                        row("22", "23", "24", "25", "26", "27", "28"),
                        row("29", "30", " ", " ", " ", " ", " "));
    }

    @Test
    void firstDayOfWeek_overridesTheLocale() {
        FakeUser ann =
                started(bot("2024-09-20T12:00:00Z", p -> p.locale(Locale.US).firstDayOfWeek(DayOfWeek.MONDAY)));

        assertThat(rows(ann.lastMessage()).subList(1, 3))
                .containsExactly(
                        row("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), row(" ", " ", " ", " ", " ", " ", "1"));
    }

    @Test
    void aGermanUser_seesGermanNames_andMondayFirst_fromTheLanguageCodeAlone() {
        BotHarness harness = bot("2024-02-10T12:00:00Z", p -> p);
        PickerLanguageUser hans = new PickerLanguageUser(harness, 2002, "Hans", "de");

        hans.send("/start");
        assertThat(rows(hans.lastMessage()).subList(0, 3))
                .containsExactly(
                        row("«", "Februar 2024", "»"),
                        row("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
                        row(" ", " ", " ", "1", "2", "3", "4"));

        hans.click("Februar 2024");
        assertThat(rows(hans.lastMessage()))
                .containsExactly(
                        row("«", "2024", "»"),
                        row("Jan", "[Feb]", "Mär"),
                        row("Apr", "Mai", "Jun"),
                        row("Jul", "Aug", "Sep"),
                        row("Okt", "Nov", "Dez"));

        hans.click("Mär");
        assertThat(rows(hans.lastMessage()).get(0)).containsExactly("«", "März 2024", "»");
    }

    @Test
    void aBareLanguageCode_getsItsLikelyRegion_forTheFirstDayOfTheWeek() {
        Map<String, DayOfWeek> firstDays = new LinkedHashMap<>();
        firstDays.put("de", DayOfWeek.MONDAY);
        firstDays.put("ru", DayOfWeek.MONDAY);
        firstDays.put("uk", DayOfWeek.MONDAY);
        firstDays.put("fr", DayOfWeek.MONDAY);
        firstDays.put("en", DayOfWeek.SUNDAY);
        firstDays.put("en-GB", DayOfWeek.MONDAY);
        firstDays.put("pt-br", DayOfWeek.SUNDAY);
        firstDays.forEach((code, first) -> assertThat(
                        WeekFields.of(PickerLocale.userLocale(Optional.of(Locale.forLanguageTag(code))))
                                .getFirstDayOfWeek())
                .as(code)
                .isEqualTo(first));
        assertThat(PickerLocale.userLocale(Optional.empty())).isEqualTo(Locale.ENGLISH);
        assertThat(PickerLocale.userLocale(Optional.of(Locale.forLanguageTag("???"))))
                .isEqualTo(Locale.ENGLISH);
    }

    @Test
    void anEnglishUserWithoutALocale_getsEnglishNames_sundayFirst() {
        FakeUser ann = started(bot("2024-02-10T12:00:00Z", p -> p));

        assertThat(rows(ann.lastMessage()).subList(0, 2))
                .containsExactly(row("«", "February 2024", "»"), row("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"));
    }

    @Test
    void today_isTakenFromTheBotsClock_inThePickersZone_withTheMarkerGiven() {
        String lateOnLeapDay = "2024-02-29T23:30:00Z";

        FakeUser utc = started(bot(lateOnLeapDay, p -> p.locale(Locale.UK)));
        assertThat(rows(utc.lastMessage()).get(0)).containsExactly("«", "February 2024", "»");
        assertThat(utc.buttons()).contains("[29]").doesNotContain("29");

        FakeUser berlin = started(bot(
                lateOnLeapDay,
                p -> p.locale(Locale.UK).zone(ZoneId.of("Europe/Berlin")).todayMarker("•%s•")));
        assertThat(rows(berlin.lastMessage()).subList(0, 3))
                .containsExactly(
                        row("«", "March 2024", "»"),
                        row("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
                        row(" ", " ", " ", " ", "•1•", "2", "3"));
    }

    @Test
    void nextAndPrevious_moveByAMonth_acrossYears() {
        FakeUser ann = started(bot("2024-02-10T12:00:00Z", p -> p.locale(Locale.UK)));

        ann.click("»");
        assertThat(rows(ann.lastMessage()))
                .startsWith(
                        row("«", "March 2024", "»"),
                        row("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
                        row(" ", " ", " ", " ", "1", "2", "3"));
        assertThat(ann.buttons()).doesNotContain("[10]");

        ann.click("«");
        ann.click("«");
        ann.click("«");
        assertThat(rows(ann.lastMessage()).get(0)).containsExactly("«", "December 2023", "»");
        assertThat(rows(ann.lastMessage()))
                .hasSize(2 + 5)
                .last()
                .isEqualTo(row("25", "26", "27", "28", "29", "30", "31"));

        ann.click("25");
        assertThat(ann.lastMessage().text()).isEqualTo("Picked 2023-12-25");
    }

    @Test
    void zoomingOut_toMonthsAndYears_andBackIn_toPickADay() {
        FakeUser ann = started(bot("2024-02-10T12:00:00Z", p -> p.locale(Locale.US)));

        ann.click("February 2024");
        assertThat(rows(ann.lastMessage()))
                .containsExactly(
                        row("«", "2024", "»"),
                        row("Jan", "[Feb]", "Mar"),
                        row("Apr", "May", "Jun"),
                        row("Jul", "Aug", "Sep"),
                        row("Oct", "Nov", "Dec"));

        ann.click("2024");
        assertThat(rows(ann.lastMessage()))
                .containsExactly(
                        row("«", "2016 – 2027", "»"),
                        row("2016", "2017", "2018"),
                        row("2019", "2020", "2021"),
                        row("2022", "2023", "[2024]"),
                        row("2025", "2026", "2027"));

        ann.click("»");
        assertThat(rows(ann.lastMessage()).get(0)).containsExactly("«", "2028 – 2039", "»");
        ann.click("«");
        ann.click("«");
        assertThat(rows(ann.lastMessage()).get(0)).containsExactly("«", "2004 – 2015", "»");
        ann.click("»");

        ann.click("2025");
        assertThat(rows(ann.lastMessage()).subList(0, 2))
                .containsExactly(row("«", "2025", "»"), row("Jan", "Feb", "Mar"));
        ann.click("»");
        assertThat(rows(ann.lastMessage()).get(0)).containsExactly("«", "2026", "»");
        ann.click("«");

        ann.click("Mar");
        assertThat(rows(ann.lastMessage()))
                .startsWith(
                        row("«", "March 2025", "»"),
                        row("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"),
                        row(" ", " ", " ", " ", " ", " ", "1"));

        ann.click("31");
        assertThat(ann.lastMessage().text()).isEqualTo("Picked 2025-03-31");
    }

    @Test
    void daysOutsideTheBounds_areShownAsOutOfRange_andRefused_andChangeNothing() {
        BotHarness harness = bot(
                "2024-02-12T12:00:00Z",
                p -> p.locale(Locale.UK).notBefore(LocalDate.of(2024, 2, 10)).notAfter(LocalDate.of(2024, 3, 15)));
        FakeUser ann = started(harness);
        assertThat(rows(ann.lastMessage()).get(0))
                .as("nothing before February is offered")
                .containsExactly(" ", "February 2024", "»");
        assertThat(rows(ann.lastMessage()).subList(2, 4))
                .containsExactly(row(" ", " ", " ", "·", "·", "·", "·"), row("·", "·", "·", "·", "·", "10", "11"));

        assertRefused(ann, () -> ann.click(3, 4), "This day cannot be picked");

        ann.click("»");
        assertThat(rows(ann.lastMessage()).get(0))
                .as("nothing after March is offered")
                .containsExactly("«", "March 2024", " ");
        assertThat(rows(ann.lastMessage()).get(4)).containsExactly("11", "12", "13", "14", "15", "·", "·");
        assertRefused(ann, () -> ann.click(4, 5), "This day cannot be picked");
        assertRefused(
                ann,
                () -> ann.clickWithData(ann.lastMessage(), forge(ann.lastMessage(), "cal", "n")),
                "There are no later dates");
        assertRefused(
                ann,
                () -> ann.clickWithData(ann.lastMessage(), forge(ann.lastMessage(), "cal", "d20991231")),
                "This day cannot be picked");
        assertRefused(
                ann,
                () -> ann.clickWithData(ann.lastMessage(), forge(ann.lastMessage(), "cal", "d20240209")),
                "This day cannot be picked");

        ann.click("15");
        assertThat(ann.lastMessage().text()).isEqualTo("Picked 2024-03-15");
    }

    @Test
    void monthsAndYearsOutsideTheBounds_areRefused_andNavigationPastThemIsNotOffered() {
        FakeUser ann = started(bot(
                "2024-02-12T12:00:00Z",
                p -> p.locale(Locale.US).notBefore(LocalDate.of(2024, 2, 10)).notAfter(LocalDate.of(2024, 3, 15))));

        ann.click("February 2024");
        assertThat(rows(ann.lastMessage()))
                .containsExactly(
                        row(" ", "2024", " "),
                        row("·", "[Feb]", "Mar"),
                        row("·", "·", "·"),
                        row("·", "·", "·"),
                        row("·", "·", "·"));
        assertRefused(ann, () -> ann.click(1, 0), "This month cannot be picked");
        assertRefused(ann, () -> ann.click(2, 0), "This month cannot be picked");
        assertRefused(
                ann,
                () -> ann.clickWithData(ann.lastMessage(), forge(ann.lastMessage(), "cal", "p")),
                "There are no earlier dates");

        ann.click("2024");
        assertThat(rows(ann.lastMessage()).get(0)).containsExactly(" ", "2016 – 2027", " ");
        assertThat(rows(ann.lastMessage()).get(3)).containsExactly("·", "·", "[2024]");
        assertRefused(ann, () -> ann.click(3, 1), "This year cannot be picked");
        assertRefused(ann, () -> ann.click("2016 – 2027"), null);

        ann.click("[2024]");
        ann.click("Mar");
        assertThat(rows(ann.lastMessage()).get(0)).containsExactly("«", "March 2024", " ");
    }

    @Test
    void boundsFromTheContext_areWorkedOutAtEachClick() {
        BotHarness harness = bot(
                "2024-02-12T12:00:00Z",
                p -> p.locale(Locale.UK)
                        .notBeforeToday()
                        .notAfter(ctx -> LocalDate.ofInstant(ctx.clock().instant(), ZoneId.of("UTC"))
                                .plusDays(20)));
        FakeUser ann = started(harness);
        assertThat(rows(ann.lastMessage()).get(3)).containsExactly("·", "·", "·", "·", "·", "·", "·");
        assertRefused(ann, () -> ann.click(3, 6), "This day cannot be picked");
        assertThat(rows(ann.lastMessage()).get(0)).containsExactly(" ", "February 2024", "»");

        harness.time().advance(Duration.ofDays(1));
        assertRefused(ann, () -> ann.click("[12]"), "This day cannot be picked");
        ann.click("13");
        assertThat(ann.lastMessage().text()).isEqualTo("Picked 2024-02-13");
    }

    @Test
    void theOutOfRangeLook_isTheAuthors_andAClickOnItIsAnsweredAndChangesNothing() {
        FakeUser ann = started(bot(
                "2024-02-12T12:00:00Z",
                p -> p.locale(Locale.UK).notBeforeToday().outOfRangeMarker("✕%s")));

        assertThat(rows(ann.lastMessage()).subList(2, 5))
                .containsExactly(
                        row(" ", " ", " ", "✕1", "✕2", "✕3", "✕4"),
                        row("✕5", "✕6", "✕7", "✕8", "✕9", "✕10", "✕11"),
                        row("[12]", "13", "14", "15", "16", "17", "18"));
        assertRefused(ann, () -> ann.click("✕11"), "This day cannot be picked");

        ann.click("February 2024");
        assertThat(rows(ann.lastMessage()).get(1)).containsExactly("✕Jan", "[Feb]", "Mar");
        ann.click("2024");
        assertThat(rows(ann.lastMessage()).get(3)).containsExactly("✕2022", "✕2023", "[2024]");

        assertThatThrownBy(() -> DatePicker.builder("cal").outOfRangeMarker("%s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outOfRangeMarker");
        assertThatThrownBy(() -> DatePicker.builder("cal").outOfRangeMarker(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outOfRangeMarker");
        assertThatThrownBy(() -> DatePicker.builder("cal").outOfRangeMarker("%d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outOfRangeMarker");
    }

    @Test
    void forgedAndMalformedPayloads_areRefusedWithAToast_andChangeNothing() {
        FakeUser ann = started(bot("2024-02-10T12:00:00Z", p -> p.locale(Locale.UK)));
        Map<String, String> toasts = new LinkedHashMap<>();
        toasts.put("dxyz", "This button is out of date");
        toasts.put("d2024022", "This button is out of date");
        toasts.put("d202402290", "This button is out of date");
        toasts.put("d20240230", "That is not a date");
        toasts.put("d20241301", "That is not a date");
        toasts.put("d20991231", "This button is out of date");
        toasts.put("d20240301", "This button is out of date");
        toasts.put("m202413", "That is not a month");
        toasts.put("m202400", "That is not a month");
        toasts.put("m202403", "This button is out of date");
        toasts.put("y2024", "This button is out of date");
        toasts.put("y20x4", "This button is out of date");
        toasts.put("y0000", "This year cannot be picked");
        toasts.put("x", "This button is out of date");
        toasts.put("", "This button is out of date");
        toasts.put("D20240229", "This button is out of date");

        toasts.forEach((payload, toast) -> assertRefused(
                ann, () -> ann.clickWithData(ann.lastMessage(), forge(ann.lastMessage(), "cal", payload)), toast));

        ann.click("February 2024");
        ann.click("2024");
        assertRefused(
                ann,
                () -> ann.clickWithData(ann.lastMessage(), forge(ann.lastMessage(), "cal", "z")),
                "This button is out of date");
        assertRefused(
                ann,
                () -> ann.clickWithData(ann.lastMessage(), forge(ann.lastMessage(), "cal", "y2028")),
                "This button is out of date");
        assertRefused(
                ann,
                () -> ann.clickWithData(ann.lastMessage(), forge(ann.lastMessage(), "cal", "d20240229")),
                "This button is out of date");
    }

    @Test
    void blankCellsAndWeekdayNames_doNothing() {
        FakeUser ann = started(bot("2024-02-10T12:00:00Z", p -> p.locale(Locale.UK)));
        String before = document(ann.id());
        int events = ann.history().size();

        ann.click(2, 0);
        ann.click("Wed");

        assertThat(ann.lastAnswer().text()).isNull();
        assertThat(ann.history()).hasSize(events);
        assertThat(frames(document(ann.id()))).isEqualTo(frames(before));
    }

    @Test
    void theViewAndMonthShowing_surviveTheStoresJsonRoundTrip() {
        FakeUser ann = started(bot("2024-02-10T12:00:00Z", p -> p.locale(Locale.UK)));

        ann.click("»");
        ann.click("»");
        assertThat(document(ann.id())).contains("cal/shown").contains("2024-04-01");
        ann.click("April 2024");
        assertThat(document(ann.id())).contains("cal/view").contains("MONTHS");

        ann.click("Jun");
        assertThat(rows(ann.lastMessage()).get(0)).containsExactly("«", "June 2024", "»");
        ann.click("1");
        assertThat(ann.lastMessage().text()).isEqualTo("Picked 2024-06-01");
    }

    @Test
    void everyCallbackData_fitsIn64Bytes_andCarriesItsPayloadItself_evenWithTheLongestId() {
        DatePicker picker = DatePicker.builder("abcdefghijklmnop")
                .locale(Locale.UK)
                .onPick((ctx, date) -> Transition.next().with(DAY, date))
                .build();
        Dialog dialog = Dialog.builder("when")
                .window(Step.PICK, w -> w.text("Pick a day").add(picker))
                .window(Step.PICKED, w -> w.text(Text.format("Picked {day}")))
                .build();
        BotHarness harness = BotHarness.builder(b -> b.dialogs(dialog)
                        .command("start", (ctx, args) -> Transition.start(dialog, null, StartMode.RESET_STACK)))
                .store(store)
                .time(new FakeTime(Instant.parse("2024-12-10T12:00:00Z")))
                .build();
        FakeUser ann = started(harness);

        for (String zoom : List.of("December 2024", "2024", "2016 – 2027")) {
            FakeMessage shown = ann.lastMessage();
            rows(shown);
            assertThat(PickerKeyboards.callbackData(shown))
                    .allSatisfy(
                            data -> assertThat(data)
                                    .matches(
                                            "~\\.\\.[0-9A-Za-z]+\\.[0-9A-Za-z]+\\.abcdefghijklmnop\\.(_|p|n|z|d\\d{8}|m\\d{6}|y\\d{4})"));
            ann.click(zoom);
        }
    }

    @Test
    void definitionMistakes_failWhenBuilt() {
        assertThatThrownBy(() -> DatePicker.builder("cal").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cal")
                .hasMessageContaining("onPick");
        assertThatThrownBy(() -> DatePicker.builder("cal")
                        .onPick((ctx, d) -> Transition.stay())
                        .notBefore(LocalDate.of(2024, 3, 1))
                        .notAfter(LocalDate.of(2024, 2, 1))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2024-03-01");
        assertThatThrownBy(() -> DatePicker.builder("a.b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a.b");
        assertThatThrownBy(() -> DatePicker.builder("abcdefghijklmnopq")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatePicker.builder("cal").todayMarker("[%d]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("todayMarker");
        assertThatThrownBy(() -> DatePicker.builder("cal").todayMarker("today"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("todayMarker");
    }

    /** Runs a click that must be refused with {@code toast} (or answered silently, when null) and change nothing. */
    private void assertRefused(FakeUser user, Runnable click, String toast) {
        String before = document(user.id());
        int events = user.history().size();
        List<List<String>> shown = rows(user.lastMessage());

        click.run();

        assertThat(user.lastAnswer().text()).as("toast").isEqualTo(toast);
        assertThat(user.history()).as("the bot sent or edited nothing").hasSize(events);
        assertThat(rows(user.lastMessage())).isEqualTo(shown);
        if (toast != null) {
            assertThat(document(user.id())).as("the stack").isEqualTo(before);
        } else {
            // A click that does nothing is still saved as handled (its update id), but the dialogs are the same.
            assertThat(frames(document(user.id()))).as("the dialogs").isEqualTo(frames(before));
        }
    }

    /** The dialogs of a stack document: their windows, data and widget state. */
    private static String frames(String document) {
        return document.substring(document.indexOf("\"frames\""));
    }

    /** The stored stack document of a user's private chat. */
    private String document(long userId) {
        return store.documents().get(dev.tgdialog.store.StackKey.of(1_000_000, userId, userId));
    }
}
