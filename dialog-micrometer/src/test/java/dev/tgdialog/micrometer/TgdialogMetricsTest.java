package dev.tgdialog.micrometer;

import static dev.tgdialog.Transition.done;
import static dev.tgdialog.Transition.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.events.CallOutcome;
import dev.tgdialog.testing.ApiCall;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.widgets.Button;
import dev.tgdialog.widgets.Nav;
import dev.tgdialog.widgets.Row;
import dev.tgdialog.widgets.Text;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A scripted conversation through the harness, read back from a Micrometer registry. */
class TgdialogMetricsTest {
    static final long ANN = 1001;
    static final long BOB = 1002;
    static final long GROUP = -100_500;

    enum Step implements WindowId {
        SIZE,
        CONFIRM
    }

    static final Key<String> SIZE = Key.of("size", String.class);

    static final Dialog ORDER = Dialog.builder("order")
            .window(
                    Step.SIZE,
                    w -> w.text("Which size?")
                            .add(Row.of(
                                    Button.of("s", "Small", ctx -> next().with(SIZE, "S")),
                                    Button.of("l", "Large", ctx -> next().with(SIZE, "L")))))
            .window(
                    Step.CONFIRM,
                    w -> w.text(Text.format("A {size} pizza. Order it?"))
                            .add(Row.of(Nav.back("Back"), Button.of("order", "Order", ctx -> done()))))
            .build();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TgdialogMetrics metrics = new TgdialogMetrics();

    private BotHarness harness() {
        metrics.bindTo(registry);
        return BotHarness.of(bot -> bot.dialogs(ORDER)
                .command("start", (ctx, args) -> Transition.start(ORDER, StartMode.RESET_STACK))
                .command("boom", (ctx, args) -> {
                    throw new IllegalStateException("the author's bug");
                })
                .events(metrics));
    }

    private long timerCount(String name, String... tags) {
        return registry.get(name).tags(tags).timer().count();
    }

    private double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void aConversation_becomesMetersWithConventionalNamesTagsAndCounts() {
        BotHarness h = harness();
        FakeUser ann = h.user(ANN, "Ann");

        ann.send("/start");
        FakeMessage sizes = ann.lastMessage();
        ann.click("Large");
        ann.click("Order");
        ann.clickOn(sizes, "Small");
        ann.send("/boom");

        assertThat(timerCount("tgdialog.updates", "kind", "message", "outcome", "handled"))
                .isEqualTo(2);
        assertThat(timerCount("tgdialog.updates", "kind", "callback_query", "outcome", "handled"))
                .isEqualTo(3);
        assertThat(timerCount("tgdialog.api.calls", "method", "sendMessage", "outcome", "ok", "code", "none"))
                .isEqualTo(1);
        assertThat(timerCount("tgdialog.api.calls", "method", "answerCallbackQuery", "outcome", "ok", "code", "none"))
                .isEqualTo(3);
        for (String method : h.telegram().calls().stream().map(ApiCall::method).collect(Collectors.toSet())) {
            assertThat(timerCount("tgdialog.api.calls", "method", method, "outcome", "ok", "code", "none"))
                    .as("requests of %s, as the fake Telegram counted them", method)
                    .isEqualTo(h.telegram().callCount(method));
        }
        assertThat(counter("tgdialog.dialogs.started", "dialog", "order")).isEqualTo(1);
        assertThat(counter("tgdialog.dialogs.finished", "dialog", "order")).isEqualTo(1);
        assertThat(counter("tgdialog.clicks.rejected", "reason", "stale")).isEqualTo(1);
        assertThat(counter("tgdialog.clicks.rejected", "reason", "forged")).isZero();
        assertThat(counter("tgdialog.errors", "type", "handler")).isEqualTo(1);
        assertThat(timerCount("tgdialog.store.operations", "op", "load", "outcome", "ok"))
                .isEqualTo(5);
        assertThat(timerCount("tgdialog.store.operations", "op", "save", "outcome", "ok"))
                .as("the stale click and the failed command save nothing")
                .isEqualTo(3);
        assertThat(registry.get("tgdialog.updates.active").gauge().value()).isZero();
    }

    @Test
    void a429_countsAsARateLimit_withItsWait_andAsAnError429() {
        BotHarness h = harness();
        FakeUser ann = h.user(ANN, "Ann");
        h.telegram().failNext("sendMessage", 429, "Too Many Requests: retry after 7", 7);

        ann.send("/start");

        assertThat(counter("tgdialog.api.rate_limited", "method", "sendMessage"))
                .isEqualTo(1);
        assertThat(registry.get("tgdialog.api.rate_limited.wait")
                        .tags("method", "sendMessage")
                        .summary()
                        .totalAmount())
                .isEqualTo(7);
        assertThat(timerCount("tgdialog.api.calls", "method", "sendMessage", "outcome", "error", "code", "429"))
                .isEqualTo(1);
        assertThat(timerCount("tgdialog.api.calls", "method", "sendMessage", "outcome", "ok", "code", "none"))
                .isEqualTo(1);
    }

    @Test
    void noTagValue_isAUserOrChatId_andTagKeysAreTheDocumentedOnes() {
        BotHarness h = harness();
        FakeUser ann = h.user(ANN, "Ann");
        FakeUser annInGroup = h.user(ANN, "Ann").inGroup(GROUP);
        FakeUser bob = h.user(BOB, "Bob").inGroup(GROUP);
        ann.send("/start");
        ann.click("Small");
        annInGroup.send("/start");
        bob.clickOn(annInGroup.lastMessage(), "Large");
        bob.send("/start");
        bob.click("Large");
        h.telegram().failNext("editMessageText", 403, "Forbidden: bot was blocked by the user");
        bob.click("Order");

        Set<Tag> tags = registry.getMeters().stream()
                .flatMap(meter -> meter.getId().getTags().stream())
                .collect(Collectors.toSet());
        assertThat(counter("tgdialog.clicks.rejected", "reason", "foreign")).isEqualTo(1);
        assertThat(tags)
                .extracting(Tag::getKey)
                .containsOnly("kind", "outcome", "method", "code", "reason", "dialog", "op", "type");
        for (long id : new long[] {ANN, BOB, GROUP, -GROUP}) {
            assertThat(tags)
                    .extracting(Tag::getValue)
                    .as("tag values")
                    .noneMatch(value -> value.contains(Long.toString(id)));
        }
    }

    @Test
    void methodsOutsideTheBotApi_oddErrorCodes_andTooManyDialogs_shareTheTagOther() {
        metrics.bindTo(registry);

        metrics.apiCall("sendMessage", CallOutcome.OK, 0, 1_000);
        metrics.apiCall("myOwnMethod", CallOutcome.OK, 0, 1_000);
        metrics.apiCall("user-42-method", CallOutcome.ERROR, 400, 1_000);
        metrics.apiCall("sendMessage", CallOutcome.ERROR, 1_234_567, 1_000);
        for (int i = 0; i < TgdialogMetrics.MAX_DIALOGS + 100; i++) {
            metrics.dialogStarted("dialog" + i);
        }

        assertThat(timerCount("tgdialog.api.calls", "method", "other", "outcome", "ok", "code", "none"))
                .isEqualTo(1);
        assertThat(timerCount("tgdialog.api.calls", "method", "other", "outcome", "error", "code", "400"))
                .isEqualTo(1);
        assertThat(timerCount("tgdialog.api.calls", "method", "sendMessage", "outcome", "error", "code", "other"))
                .isEqualTo(1);
        assertThat(registry.find("tgdialog.api.calls").meters())
                .extracting(meter -> meter.getId().getTag("method"))
                .containsOnly("sendMessage", "other");
        assertThat(registry.find("tgdialog.dialogs.started").meters()).hasSize(TgdialogMetrics.MAX_DIALOGS + 1);
        assertThat(counter("tgdialog.dialogs.started", "dialog", "other")).isEqualTo(100);
    }

    @Test
    void boundToTwoRegistries_recordsInBoth_includingMetersMadeBeforeTheSecond() {
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        BotHarness h = harness();
        h.user(ANN, "Ann").send("/start");

        metrics.bindTo(second);
        h.user(ANN, "Ann").send("/start");

        assertThat(timerCount("tgdialog.updates", "kind", "message", "outcome", "handled"))
                .isEqualTo(2);
        assertThat(second.get("tgdialog.updates")
                        .tags("kind", "message", "outcome", "handled")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(second.getMeters())
                .extracting(Meter::getId)
                .contains(registry.get("tgdialog.errors")
                        .tags("type", "store")
                        .counter()
                        .getId());
    }
}
