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
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.RoundTripStore;
import java.time.LocalTime;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TimePickerTest {
    enum Step implements WindowId {
        PICK,
        PICKED
    }

    static final Key<LocalTime> TIME = Key.of("time", LocalTime.class);

    final RoundTripStore store = new RoundTripStore();

    /** A bot whose /start opens a dialog with the picker; a picked time shows as "Picked 09:15". */
    FakeUser started(UnaryOperator<TimePicker.Builder> settings) {
        TimePicker picker = settings.apply(TimePicker.builder("at")
                        .onPick((ctx, time) -> Transition.next().with(TIME, time)))
                .build();
        Dialog dialog = Dialog.builder("when")
                .window(Step.PICK, w -> w.text("Pick a time").add(picker))
                .window(Step.PICKED, w -> w.text(Text.format("Picked {time}")))
                .build();
        BotHarness harness = BotHarness.builder(b -> b.dialogs(dialog)
                        .command("start", (ctx, args) -> Transition.start(dialog, null, StartMode.RESET_STACK)))
                .store(store)
                .build();
        FakeUser ann = harness.user(1001, "Ann");
        ann.send("/start");
        return ann;
    }

    static List<String> row(String... labels) {
        return List.of(labels);
    }

    @Test
    void hours_showAsFourRowsOfSix() {
        FakeUser ann = started(p -> p);

        assertThat(rows(ann.lastMessage()))
                .containsExactly(
                        row("00", "01", "02", "03", "04", "05"),
                        row("06", "07", "08", "09", "10", "11"),
                        row("12", "13", "14", "15", "16", "17"),
                        row("18", "19", "20", "21", "22", "23"));
    }

    @Test
    void anHourThenAMinute_deliversTheLocalTime() {
        FakeUser ann = started(p -> p);

        ann.click("09");
        assertThat(rows(ann.lastMessage())).containsExactly(row("09:00", "09:15", "09:30", "09:45"), row("«"));
        assertThat(document(ann.id())).contains("at/hour");

        ann.click("09:45");
        assertThat(ann.lastMessage().text()).isEqualTo("Picked 09:45");
    }

    @Test
    void theMinuteStep_setsTheMinutesOffered() {
        FakeUser ann = started(p -> p.minuteStep(5).backLabel("« Hours"));

        ann.click("23");
        assertThat(rows(ann.lastMessage()))
                .containsExactly(
                        row("23:00", "23:05", "23:10", "23:15"),
                        row("23:20", "23:25", "23:30", "23:35"),
                        row("23:40", "23:45", "23:50", "23:55"),
                        row("« Hours"));

        ann.click("23:55");
        assertThat(ann.lastMessage().text()).isEqualTo("Picked 23:55");
    }

    @Test
    void back_returnsToTheHours_forAnotherHour() {
        FakeUser ann = started(p -> p.minuteStep(30));

        ann.click("07");
        assertThat(ann.buttons()).containsExactly("07:00", "07:30", "«");
        ann.click("«");
        assertThat(ann.buttons()).hasSize(24).startsWith("00", "01");
        assertThat(document(ann.id())).doesNotContain("at/hour");

        ann.click("18");
        ann.click("18:30");
        assertThat(ann.lastMessage().text()).isEqualTo("Picked 18:30");
    }

    @Test
    void forgedMinutesAndHours_areRefusedWithAToast_andChangeNothing() {
        FakeUser ann = started(p -> p);
        assertRefused(ann, "m15", "This button is out of date");
        assertRefused(ann, "h24", "That is not an hour");
        assertRefused(ann, "h9", "This button is out of date");
        assertRefused(ann, "hxx", "This button is out of date");
        assertRefused(ann, "b", "This button is out of date");

        ann.click("09");
        assertRefused(ann, "m07", "That minute cannot be picked");
        assertRefused(ann, "m60", "That minute cannot be picked");
        assertRefused(ann, "m5", "This button is out of date");
        assertRefused(ann, "m-5", "This button is out of date");
        assertRefused(ann, "h10", "This button is out of date");
        assertRefused(ann, "", "This button is out of date");

        ann.clickWithData(ann.lastMessage(), forge(ann.lastMessage(), "at", "m30"));
        assertThat(ann.lastMessage().text()).isEqualTo("Picked 09:30");
    }

    @Test
    void definitionMistakes_failWhenBuilt() {
        assertThatThrownBy(() -> TimePicker.builder("at").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at")
                .hasMessageContaining("onPick");
        for (int step : new int[] {0, 1, 4, 7, 25, 45, 90}) {
            assertThatThrownBy(() -> TimePicker.builder("at").minuteStep(step))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("minuteStep");
        }
        for (int step : new int[] {5, 6, 10, 12, 15, 20, 30, 60}) {
            TimePicker.builder("at").minuteStep(step);
        }
        assertThatThrownBy(() -> TimePicker.builder("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimePicker.builder("at").backLabel(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRefused(FakeUser user, String payload, String toast) {
        String before = document(user.id());
        int events = user.history().size();

        user.clickWithData(user.lastMessage(), forge(user.lastMessage(), "at", payload));

        assertThat(user.lastAnswer().text()).as("toast for %s", payload).isEqualTo(toast);
        assertThat(user.history()).as("the bot sent or edited nothing").hasSize(events);
        assertThat(document(user.id())).as("the stack").isEqualTo(before);
    }

    /** The stored stack document of a user's private chat. */
    private String document(long userId) {
        return store.documents().get(dev.tgdialog.store.StackKey.of(1_000_000, userId, userId));
    }
}
