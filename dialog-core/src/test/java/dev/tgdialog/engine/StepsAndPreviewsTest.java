package dev.tgdialog.engine;

import static dev.tgdialog.Transition.done;
import static dev.tgdialog.Transition.next;
import static dev.tgdialog.Transition.start;
import static dev.tgdialog.Transition.switchTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Step;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Button;
import dev.tgdialog.kit.Row;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.Previews;
import dev.tgdialog.testing.WindowRender;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StepsAndPreviewsTest {
    enum Page implements WindowId {
        ONE,
        TWO
    }

    static final Key<Integer> COUNT = Key.of("count", Integer.class);

    static final Dialog SHOWN = Dialog.builder("shown")
            .window(
                    Page.ONE,
                    w -> w.text(ctx -> "Count " + ctx.get(COUNT, 0) + " on " + LocalDate.now(ctx.clock()) + " in "
                                    + ctx.language().map(Locale::getLanguage).orElse("?"))
                            .sample(COUNT, 3)
                            .add(Row.of(
                                    Button.of("a", "A", ctx -> next().with(COUNT, 1))
                                            .leadsTo(next()),
                                    Button.of("b", "B", ctx -> done()).leadsTo(done(), switchTo(Page.TWO)))))
            .window(Page.TWO, w -> w.text(ctx -> "Needs " + ctx.require(COUNT)))
            .build();

    static final Dialog WITH_INPUT = Dialog.builder("with_input")
            .window(Page.ONE, w -> w.sampleInput("Margherita").text(ctx -> "For " + ctx.input(String.class)))
            .build();

    @Test
    void stepListeners_hearEachChangeOfTheTopWindow_butNotAStay() {
        List<Step> steps = new CopyOnWriteArrayList<>();
        BotHarness h = BotHarness.of(bot -> bot.dialogs(WizardDialogs.WIZARD, WizardDialogs.PICKER)
                .command("start", (ctx, args) -> start(WizardDialogs.WIZARD, StartMode.RESET_STACK))
                .onStep(steps::add));
        FakeUser ann = h.user(1001, "Ann");

        ann.send("/start");
        ann.click("+1");
        ann.click("Next");
        ann.click("Pick");
        ann.click("Red");

        Step.At first = new Step.At("wizard", "FIRST");
        Step.At second = new Step.At("wizard", "SECOND");
        Step.At choose = new Step.At("picker", "CHOOSE");
        assertThat(steps)
                .containsExactly(
                        new Step(null, first),
                        new Step(first, second),
                        new Step(second, choose),
                        new Step(choose, second));
    }

    @Test
    void declaredMoves_areTheHintsOfTheWindowsWidgets_nestedOnesIncluded_inOrder() {
        assertThat(SHOWN.windowIds()).containsExactly("ONE", "TWO");
        assertThat(SHOWN.declaredMoves("ONE")).containsExactly(next(), done(), switchTo(Page.TWO));
        assertThat(SHOWN.declaredMoves("TWO")).isEmpty();
        assertThatThrownBy(() -> SHOWN.declaredMoves("THREE")).hasMessageContaining("shown has no window THREE");
    }

    @Test
    void aLeadingWidget_rendersAndClicksAsItsWidget() {
        BotHarness h = BotHarness.of(bot -> bot.dialogs(SHOWN).command("start", (ctx, args) -> start(SHOWN)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        ann.click("A");
        assertThat(ann.lastMessage().text()).isEqualTo("Needs 1");
    }

    @Test
    void previews_renderFromSamples_onTheFixedClockZoneAndLocale() throws Exception {
        // 23:30 in UTC is already the next day in Berlin: the zone is the preview's, not the machine's.
        Previews previews = Previews.of(
                List.of(SHOWN), Instant.parse("2026-03-01T23:30:00Z"), ZoneId.of("Europe/Berlin"), Locale.GERMAN);

        WindowRender one = previews.render(SHOWN, "ONE");

        assertThat(one.text()).isEqualTo("Count 3 on 2026-03-02 in de");
        assertThat(one.kind()).isEqualTo("text");
        assertThat(one.inlineKeyboard())
                .extracting(row -> row.stream().map(InlineKeyboardButton::text).toList())
                .containsExactly(List.of("A", "B"));
        assertThat(previews.render(SHOWN, "ONE")).isEqualTo(one);
    }

    @Test
    void previews_giveTheDialogTheSampleInput() throws Exception {
        Previews previews = Previews.of(List.of(WITH_INPUT), Instant.EPOCH, ZoneId.of("UTC"), Locale.ENGLISH);
        assertThat(previews.render(WITH_INPUT, "ONE").text()).isEqualTo("For Margherita");
    }

    @Test
    void previewOfAWindowWithoutTheDataItNeeds_throwsWhatItsRenderThrew() {
        Previews previews = Previews.of(List.of(SHOWN), Instant.EPOCH, ZoneId.of("UTC"), Locale.ENGLISH);
        assertThatThrownBy(() -> previews.render(SHOWN, "TWO")).hasMessageContaining("count");
        assertThatThrownBy(() -> previews.render(SHOWN, "NONE")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hintsSurviveStyleAndCondition() {
        KeyboardWidget hinted = Button.of("a", "A", ctx -> next())
                .leadsTo(next())
                .style(KeyboardWidget.Style.PRIMARY)
                .when(ctx -> true);
        assertThat(hinted.leadsTo()).containsExactly((Transition.Move) next());
    }

    @Test
    void aHintOnAHiddenLayout_keepsItsButtonsUnclickable() {
        Dialog hidden = Dialog.builder("hidden")
                .window(
                        Page.ONE,
                        w -> w.text("one")
                                .add(Row.of(Button.of("go", "Go", ctx -> next()))
                                        .when(ctx -> false)
                                        .leadsTo(next())))
                .window(Page.TWO, w -> w.text("two"))
                .build();
        KeyboardWidget hinted =
                Row.of(Button.of("go", "Go", ctx -> next())).when(ctx -> false).leadsTo(next());
        assertThat(hinted).isInstanceOf(KeyboardWidget.Conditional.class);
        assertThat(hinted.leadsTo()).containsExactly((Transition.Move) next());
        assertThat(hidden.declaredMoves("ONE")).containsExactly(next());

        BotHarness h = BotHarness.of(bot -> bot.dialogs(hidden).command("start", (ctx, args) -> start(hidden)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        assertThat(ann.lastMessage().text()).isEqualTo("one");
        assertThat(ann.lastMessage().inlineKeyboard()).isEmpty();
    }
}
