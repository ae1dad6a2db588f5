package dev.tgdialog.engine;

import static dev.tgdialog.Transition.done;
import static dev.tgdialog.Transition.stay;
import static dev.tgdialog.engine.WizardDialogs.COLOUR;
import static dev.tgdialog.engine.WizardDialogs.COUNT;
import static dev.tgdialog.engine.WizardDialogs.PICKER;
import static dev.tgdialog.engine.WizardDialogs.WIZARD;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.Key;
import dev.tgdialog.ShowMode;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Button;
import dev.tgdialog.kit.TextInput;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.store.Frame;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.test.LogCapture;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.ChatEvent;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EngineTest {
    static final long BOT = 1_000_000;
    private final StackStore store = StackStore.inMemory(Duration.ofHours(1));

    private BotHarness harness(Consumer<DialogBot.Builder> extra) {
        return BotHarness.builder(bot -> {
                    bot.dialogs(WIZARD, PICKER)
                            .command("start", (ctx, args) -> Transition.start(WIZARD, StartMode.RESET_STACK));
                    extra.accept(bot);
                })
                .store(store)
                .build();
    }

    private BotHarness harness() {
        return harness(bot -> {});
    }

    private Stack stack(long chatId, long userId) {
        return store.load(StackKey.of(BOT, chatId, userId)).orElseThrow();
    }

    private Stack stack(FakeUser user) {
        return stack(user.chatId(), user.id());
    }

    // --- child dialogs and start modes ---

    @Test
    void aChildsResult_reachesTheParentsHandler_typed() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        ann.click("Next");

        ann.click("Pick");
        assertThat(stack(ann).frames()).extracting(Frame::dialogId).containsExactly("wizard", "picker");
        ann.click("Red");

        assertThat(ann.lastMessage().text()).isEqualTo("Colour: red");
        Stack after = stack(ann);
        assertThat(after.frames()).singleElement().satisfies(f -> {
            assertThat(f.windowId()).isEqualTo("SECOND");
            assertThat(f.data()).containsEntry("colour", "\"red\"");
        });
    }

    @Test
    void aCancelledChild_givesTheParentNull() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        ann.click("Next");
        ann.click("Pick");

        ann.click("Cancel");

        assertThat(ann.lastMessage().text()).isEqualTo("Colour: none");
        assertThat(stack(ann).frames()).extracting(Frame::dialogId).containsExactly("wizard");
    }

    @Test
    void closingTheLastDialogWithoutAFarewell_takesItsButtonsAway() {
        BotHarness h =
                harness(bot -> bot.command("pick", (ctx, args) -> Transition.start(PICKER, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/pick");

        ann.click("Cancel");

        assertThat(ann.messages()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("Pick a colour");
            assertThat(m.inlineKeyboard()).isEmpty();
        });
        assertThat(stack(ann).frames()).isEmpty();
    }

    @Test
    void aDialog_knowsItsParent_andARootDialogsResultGoesToTheBotsHandler() {
        List<String> seen = new ArrayList<>();
        Dialog who = Dialog.builder("who")
                .window(
                        Solo.ONLY,
                        w -> w.text(ctx -> "parent: " + ctx.parentDialogId())
                                .add(Button.of("fin", "Finish", ctx -> done(42).saying("Finished"))))
                .build();
        Dialog outer = Dialog.builder("outer")
                .window(Solo.ONLY, w -> w.text("outer").add(Button.of("go", "Go", ctx -> Transition.start(who))))
                .onResult(who, Integer.class, (ctx, n) -> stay())
                .build();
        BotHarness h = harness(bot -> bot.dialogs(who, outer)
                .command("who", (ctx, args) -> Transition.start(who, StartMode.RESET_STACK))
                .command("outer", (ctx, args) -> Transition.start(outer, StartMode.RESET_STACK))
                .onResult(who, Integer.class, (ctx, n) -> {
                    seen.add("root result " + n);
                    return Transition.start(PICKER);
                }));
        FakeUser ann = h.user(1001, "Ann");

        ann.send("/outer");
        ann.click("Go");
        assertThat(ann.lastMessage().text()).isEqualTo("parent: outer");
        ann.click("Finish");
        assertThat(seen).isEmpty();

        ann.send("/who");
        assertThat(ann.lastMessage().text()).isEqualTo("parent: null");
        ann.click("Finish");
        assertThat(seen).containsExactly("root result 42");
        assertThat(stack(ann).frames()).extracting(Frame::dialogId).containsExactly("picker");
        assertThat(ann.lastMessage().text()).isEqualTo("Pick a colour");
    }

    @Test
    void resetStack_closesEveryOpenDialog_andRunsTheirOnClose() {
        List<String> closed = new ArrayList<>();
        Dialog inner = Dialog.builder("inner")
                .window(Solo.ONLY, w -> w.text("inner"))
                .onClose(ctx -> {
                    closed.add("inner");
                    return stay();
                })
                .build();
        Dialog outer = Dialog.builder("outer")
                .window(Solo.ONLY, w -> w.text("outer").add(Button.of("go", "Go", ctx -> Transition.start(inner))))
                .onClose(ctx -> {
                    closed.add("outer");
                    return stay();
                })
                .build();
        BotHarness h = harness(bot -> bot.dialogs(outer, inner)
                .command("outer", (ctx, args) -> Transition.start(outer, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/outer");
        ann.click("Go");

        ann.send("/start");

        assertThat(closed).containsExactly("inner", "outer");
        assertThat(stack(ann).frames())
                .singleElement()
                .extracting(Frame::dialogId)
                .isEqualTo("wizard");
        assertThat(ann.lastMessage().text()).isEqualTo("Count: ");
    }

    @Test
    void newStack_startsADialogInAMessageOfItsOwn_thatKeepsWorking() {
        BotHarness h =
                harness(bot -> bot.command("side", (ctx, args) -> Transition.start(PICKER, StartMode.NEW_STACK)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        ann.click("+1");
        FakeMessage wizardMessage = ann.lastMessage();

        ann.send("/side");

        assertThat(ann.messages()).hasSize(2);
        FakeMessage picker = ann.lastMessage();
        assertThat(picker.text()).isEqualTo("Pick a colour");
        assertThat(stack(ann).frames()).extracting(Frame::dialogId).containsExactly("wizard");
        Stack side = store.load(StackKey.of(BOT, 1001, 1001).withStackId("s1")).orElseThrow();
        assertThat(side.frames()).extracting(Frame::dialogId).containsExactly("picker");

        ann.clickOn(wizardMessage, "+1");
        assertThat(ann.messages().get(0).text()).isEqualTo("Count: 2");
        ann.clickOn(ann.messages().get(1), "Blue");
        Stack sideAfter =
                store.load(StackKey.of(BOT, 1001, 1001).withStackId("s1")).orElseThrow();
        assertThat(sideAfter.frames()).isEmpty();
    }

    enum Solo implements WindowId {
        ONLY
    }

    @Test
    void theStackDepthLimit_givesAClearError() {
        AtomicReference<Throwable> reported = new AtomicReference<>();
        Dialog[] deeper = new Dialog[1];
        deeper[0] = Dialog.builder("deeper")
                .window(
                        Solo.ONLY,
                        w -> w.text("level").add(Button.of("down", "Down", ctx -> Transition.start(deeper[0]))))
                .build();
        BotHarness h = harness(bot -> bot.dialogs(deeper[0])
                .maxDepth(3)
                .command("deep", (ctx, args) -> Transition.start(deeper[0], StartMode.RESET_STACK))
                .onError(IllegalStateException.class, (ctx, e) -> reported.set(e)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/deep");
        ann.click("Down");
        ann.click("Down");

        ann.click("Down");

        assertThat(reported.get())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot start dialog deeper")
                .hasMessageContaining("already holds 3 dialogs");
        assertThat(stack(ann).frames()).hasSize(3);
    }

    // --- stale and forged clicks ---

    @Test
    void aButtonOfAnEarlierMessage_isAnsweredWithAToast_andChangesNothing() {
        BotHarness h = harness(bot -> bot.onMessage(ctx -> stay()));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        FakeMessage first = ann.lastMessage();
        ann.send("hello");
        assertThat(ann.messages()).hasSize(2);
        Stack before = stack(ann);

        ann.clickOn(first, "+1");

        assertThat(ann.lastAnswer().text()).isEqualTo("This button is no longer active");
        assertThat(stack(ann)).isEqualTo(before);
        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("Count: ", "Count: ");
    }

    @Test
    void aButtonOfAnEarlierWindow_isStale_evenOnTheSameMessage() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        FakeMessage onFirstWindow = ann.lastMessage();
        ann.click("Next");
        Stack before = stack(ann);

        ann.clickOn(onFirstWindow, "Next");

        assertThat(ann.lastAnswer().text()).isEqualTo("This button is no longer active");
        assertThat(stack(ann)).isEqualTo(before);
    }

    @Test
    void forgedCallbacks_areAnsweredWithAToast_andChangeNothing() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        ann.click("+1");
        FakeMessage shown = ann.lastMessage();
        String real = shown.inlineKeyboard().get(0).get(0).callbackData();
        assertThat(real).isEqualTo("~..0.0.inc.");
        Stack before = stack(ann);

        for (String forged : List.of(
                "~..9.0.inc.", // a frame that is not in the stack
                "~..0.0.nosuch.", // a widget the window does not have
                "~..0.7.inc.", // a revision the frame never had
                "~..0.0.inc.~3", // a spill token that was never issued
                "~..0.0.inc.extra", // a payload the button never carried
                "~broken", // not even our format
                "~..0.0..")) { // no widget id
            ann.clickWithData(shown, forged);
            assertThat(ann.lastAnswer().text()).as(forged).isNotNull();
            assertThat(stack(ann)).as(forged).isEqualTo(before);
        }
        assertThat(ann.lastMessage().text()).isEqualTo("Count: 1");
    }

    /** A widget that offers a fixed set of items and checks the payload against them. */
    record Choice(String id, List<String> items, Key<String> into) implements KeyboardWidget {
        @Override
        public List<List<InlineKeyboardButton>> render(RenderContext ctx) {
            return List.of(items.stream().map(item -> ctx.button(item, item)).toList());
        }

        @Override
        public Transition onClick(WidgetContext ctx, String payload) {
            return items.contains(payload) ? stay().with(into, payload) : Transition.reject("No such item");
        }
    }

    @Test
    void aPayloadOutsideTheRenderedItems_isRefusedByTheWidget() {
        Dialog shop = Dialog.builder("shop")
                .window(
                        Solo.ONLY,
                        w -> w.text(ctx -> "Picked: " + ctx.get(COLOUR, "-"))
                                .add(new Choice("c", List.of("red", "green"), COLOUR)))
                .build();
        BotHarness h = harness(bot ->
                bot.dialogs(shop).command("shop", (ctx, args) -> Transition.start(shop, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/shop");
        Stack before = stack(ann);

        ann.clickWithData(ann.lastMessage(), "~..0.0.c.purple");

        assertThat(ann.lastAnswer().text()).isEqualTo("No such item");
        assertThat(stack(ann)).isEqualTo(before);
        ann.click("green");
        assertThat(ann.lastMessage().text()).isEqualTo("Picked: green");
    }

    @Test
    void clicksAreAnsweredBeforeTheEdit_orInParallelWithIt_whenAsked() {
        for (boolean parallel : new boolean[] {false, true}) {
            BotHarness h = harness(bot -> bot.answerInParallel(parallel));
            FakeUser ann = h.user(parallel ? 1002 : 1001, "Ann");
            ann.send("/start");

            ann.click("+1");

            assertThat(ann.lastMessage().text()).as("parallel=" + parallel).isEqualTo("Count: 1");
            assertThat(h.telegram().callbackAnswers()).hasSize(1);
            List<String> methods =
                    h.telegram().calls().stream().map(c -> c.method()).toList();
            if (!parallel) {
                assertThat(methods).containsExactly("sendMessage", "answerCallbackQuery", "editMessageText");
            } else {
                assertThat(methods).containsExactlyInAnyOrder("sendMessage", "answerCallbackQuery", "editMessageText");
            }
        }
    }

    @Test
    void aButtonInsideAHiddenLayout_cannotBeClicked() {
        Dialog hidden = Dialog.builder("hidden")
                .window(
                        Solo.ONLY,
                        w -> w.text(ctx -> "n=" + ctx.get(COUNT, 0))
                                .add(dev.tgdialog.kit.Row.of(Button.of(
                                                "inc", "+1", ctx -> stay().with(COUNT, ctx.get(COUNT, 0) + 1)))
                                        .when(ctx -> false))
                                .add(Button.of("vis", "Visible", ctx -> stay())))
                .build();
        BotHarness h = harness(bot ->
                bot.dialogs(hidden).command("hidden", (ctx, args) -> Transition.start(hidden, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/hidden");
        assertThat(ann.buttons()).containsExactly("Visible");

        ann.clickWithData(ann.lastMessage(), "~..0.0.inc.");

        assertThat(ann.lastAnswer().text()).isEqualTo("This button is hidden now");
        assertThat(ann.lastMessage().text()).isEqualTo("n=0");
    }

    @Test
    void clicksOnButtonsTheEngineDidNotMake_goToTheCallbackHandler() {
        List<String> seen = new ArrayList<>();
        BotHarness h = harness(bot -> bot.onCallback(ctx -> {
            seen.add(ctx.update().callbackQuery().data());
            return stay();
        }));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");

        ann.clickWithData(ann.lastMessage(), "legacy:42");

        assertThat(seen).containsExactly("legacy:42");
    }

    // --- errors ---

    @Test
    void anExceptionInAHandler_goesToTheErrorHandler_theClickIsAnswered_andTheStackIsAsBefore() {
        List<String> handled = new ArrayList<>();
        Dialog fragile = Dialog.builder("fragile")
                .window(
                        Solo.ONLY,
                        w -> w.text(ctx -> "Count " + ctx.get(COUNT, 0))
                                .add(Button.of("boom", "Boom", ctx -> {
                                    throw new IllegalArgumentException("database said no");
                                }))
                                .add(Button.of("inc", "+1", ctx -> stay().with(COUNT, ctx.get(COUNT, 0) + 1))))
                .build();
        BotHarness h = harness(bot -> bot.dialogs(fragile)
                .command("fragile", (ctx, args) -> Transition.start(fragile, StartMode.RESET_STACK))
                .onError(IllegalArgumentException.class, (ctx, e) -> {
                    handled.add(e.getMessage() + " in " + ctx.dialogId());
                    ctx.toast("Sorry, try again");
                }));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/fragile");
        ann.click("+1");
        Stack before = stack(ann);

        ann.click("Boom");

        assertThat(handled).containsExactly("database said no in fragile");
        assertThat(ann.lastAnswer().text()).isEqualTo("Sorry, try again");
        assertThat(stack(ann)).isEqualTo(before);
        assertThat(ann.lastMessage().text()).isEqualTo("Count 1");
    }

    @Test
    void anUnhandledException_isLoggedOnceWithItsTrace_andTheClickStillAnswered() {
        Dialog fragile = Dialog.builder("fragile")
                .window(
                        Solo.ONLY,
                        w -> w.text("x").add(Button.of("boom", "Boom", ctx -> {
                            throw new IllegalStateException("nobody catches me");
                        })))
                .build();
        BotHarness h = harness(bot -> bot.dialogs(fragile)
                .command("fragile", (ctx, args) -> Transition.start(fragile, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/fragile");
        int answersBefore = h.telegram().callbackAnswers().size();

        try (LogCapture logs = new LogCapture()) {
            ann.click("Boom");
            assertThat(logs.at(Level.ERROR))
                    .singleElement()
                    .asString()
                    .contains("failed in fragile/ONLY")
                    .contains("nobody catches me")
                    .contains("at dev.tgdialog");
        }
        assertThat(h.telegram().callbackAnswers()).hasSize(answersBefore + 1);
    }

    @Test
    void aTelegramRefusalWhileShowing_leavesTheStackAsItWas() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        Stack before = stack(ann);
        h.telegram().failNext("editMessageText", 400, "Bad Request: chat not found");

        ann.click("+1");

        assertThat(stack(ann)).isEqualTo(before);
        assertThat(h.telegram().callbackAnswers()).hasSize(1);
        assertThat(h.telegram().callCount("answerCallbackQuery")).isEqualTo(1);
    }

    // --- rendering and presenting ---

    @Test
    void aLongPayload_travelsThroughTheSpill() {
        String longItem = "x".repeat(200);
        Dialog shop = Dialog.builder("shop")
                .window(
                        Solo.ONLY,
                        w -> w.text(ctx -> "Picked " + ctx.get(COLOUR, "-").length())
                                .add(new Choice("c", List.of(longItem, "short"), COLOUR)))
                .build();
        BotHarness h = harness(bot ->
                bot.dialogs(shop).command("shop", (ctx, args) -> Transition.start(shop, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/shop");
        List<InlineKeyboardButton> row = ann.lastMessage().inlineKeyboard().get(0);
        assertThat(row.get(0).callbackData()).isEqualTo("~..0.0.c.~0");
        assertThat(row.get(1).callbackData()).isEqualTo("~..0.0.c.short");

        ann.click(longItem);

        assertThat(ann.lastMessage().text()).isEqualTo("Picked 200");
    }

    @Test
    void anIdenticalRender_makesNoApiCall() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        ann.click("Next");
        ann.click("Pick");
        ann.click("Cancel");
        int edits = h.telegram().callCount("editMessageText");

        ann.click("Back");
        ann.click("Next");
        ann.click("Back");
        ann.click("Next");

        assertThat(h.telegram().callCount("editMessageText")).isEqualTo(edits + 4);
        Dialog still = Dialog.builder("still")
                .window(Solo.ONLY, w -> w.text("Nothing changes").add(Button.of("same", "Same", ctx -> stay())))
                .build();
        BotHarness h2 = harness(bot ->
                bot.dialogs(still).command("still", (ctx, args) -> Transition.start(still, StartMode.RESET_STACK)));
        FakeUser bob = h2.user(1002, "Bob");
        bob.send("/still");
        int calls = h2.telegram().calls().size();

        bob.click("Same");
        bob.click("Same");

        assertThat(h2.telegram().calls().size() - calls).isEqualTo(2);
        assertThat(h2.telegram().callCount("answerCallbackQuery")).isEqualTo(2);
        assertThat(h2.telegram().callCount("editMessageText")).isZero();
    }

    @Test
    void anOversizedText_isCutToTelegramsLimit() {
        Dialog essay = Dialog.builder("essay")
                .window(Solo.ONLY, w -> w.text("é".repeat(5000)))
                .build();
        BotHarness h = harness(bot ->
                bot.dialogs(essay).command("essay", (ctx, args) -> Transition.start(essay, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");

        try (LogCapture logs = new LogCapture()) {
            ann.send("/essay");
            assertThat(logs.at(Level.WARN)).anyMatch(l -> l.contains("over Telegram's 4096; it is cut"));
        }

        assertThat(ann.lastMessage().text()).hasSize(4096).endsWith("…");
    }

    @Test
    void showModes_sendOrDeleteAndSend_whenAsked() {
        Dialog modes = Dialog.builder("modes")
                .window(
                        Solo.ONLY,
                        w -> w.text(ctx -> "n=" + ctx.get(COUNT, 0))
                                .add(Button.of(
                                        "send",
                                        "Send",
                                        ctx -> stay().with(COUNT, 1).show(ShowMode.SEND)))
                                .add(Button.of(
                                        "del",
                                        "Replace",
                                        ctx -> stay().with(COUNT, 2).show(ShowMode.DELETE_AND_SEND)))
                                .add(Button.of(
                                        "quiet",
                                        "Quiet",
                                        ctx -> stay().with(COUNT, 3).show(ShowMode.NO_UPDATE))))
                .build();
        BotHarness h = harness(bot ->
                bot.dialogs(modes).command("modes", (ctx, args) -> Transition.start(modes, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/modes");

        ann.click("Send");
        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("n=0", "n=1");
        ann.click("Replace");
        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("n=0", "n=2");
        assertThat(ann.history())
                .filteredOn(e -> e instanceof ChatEvent.Deleted)
                .hasSize(1);
        ann.click("Quiet");
        assertThat(ann.lastMessage().text()).isEqualTo("n=2");
        assertThat(stack(ann).frames().get(0).data()).containsEntry("count", "3");
    }

    @Test
    void anEditTelegramRefuses_fallsBackToSending() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        h.telegram().failNext("editMessageText", 400, "Bad Request: message can't be edited");

        ann.click("+1");

        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("Count: ", "Count: 1");
        ann.click("+1");
        assertThat(ann.lastMessage().text()).isEqualTo("Count: 2");
    }

    // --- redelivery ---

    @Test
    void anUpdateDeliveredTwice_isAppliedOnce() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        FakeMessage shown = ann.lastMessage();
        var update = dev.tgdialog.telegram.types.Update.builder(777)
                .callbackQuery(dev.tgdialog.telegram.types.CallbackQuery.builder(
                                "q-777", dev.tgdialog.telegram.types.User.of(1001, false, "Ann"), "ci")
                        .message(dev.tgdialog.telegram.types.Message.of(
                                shown.messageId(), shown.date(), dev.tgdialog.telegram.types.Chat.of(1001, "private")))
                        .data(shown.inlineKeyboard().get(0).get(0).callbackData())
                        .build())
                .build();
        h.telegram().registerCallbackQuery("q-777");

        h.deliver(update).join();
        h.deliver(update).join();

        assertThat(ann.lastMessage().text()).isEqualTo("Count: 1");
        assertThat(stack(ann).frames().get(0).data()).containsEntry("count", "1");
        assertThat(stack(ann).recentUpdateIds()).contains(777L);
    }

    // --- groups ---

    @Test
    void inAGroup_eachMemberHasAStack_andOthersClicksAreRefused() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann").inGroup(-100500);
        FakeUser bob = h.user(1002, "Bob").inGroup(-100500);
        ann.send("/start");
        FakeMessage annsMenu = ann.lastMessage();
        bob.send("/start");
        assertThat(ann.messages()).hasSize(2);
        Stack annsBefore = stack(-100500, 1001);

        bob.clickOn(annsMenu, "+1");

        assertThat(bob.lastAnswer().text()).isEqualTo("This menu belongs to someone else");
        assertThat(stack(-100500, 1001)).isEqualTo(annsBefore);
        ann.clickOn(annsMenu, "+1");
        assertThat(ann.messages().get(0).text()).isEqualTo("Count: 1");
        assertThat(stack(-100500, 1002).frames().get(0).data()).doesNotContainKey("count");
    }

    @Test
    void aSharedGroupStack_takesEveryMembersClicks() {
        BotHarness h = harness(bot -> bot.sharedGroupStacks(true));
        FakeUser ann = h.user(1001, "Ann").inGroup(-100500);
        FakeUser bob = h.user(1002, "Bob").inGroup(-100500);
        ann.send("/start");

        ann.click("+1");
        bob.click("+1");

        assertThat(ann.lastMessage().text()).isEqualTo("Count: 2");
        assertThat(stack(-100500, 0).frames().get(0).data()).containsEntry("count", "2");
    }

    // --- background, recovery, input ---

    @Test
    void aBackgroundCall_startsOrUpdatesAUsersDialog_inOrderWithTheirUpdates() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");

        h.bot().forUser(1001, 1001).start(WIZARD).join();
        assertThat(ann.lastMessage().text()).isEqualTo("Count: ");
        h.bot().forUser(1001, 1001).run(ctx -> stay().with(COUNT, 41)).join();
        ann.click("+1");

        assertThat(ann.messages()).singleElement().extracting(FakeMessage::text).isEqualTo("Count: 42");
        h.bot().forUser(1001, 1001).switchTo(WizardDialogs.Step.THIRD).join();
        assertThat(ann.lastMessage().text()).isEqualTo("All set");
    }

    @Test
    void aBackgroundCall_knowsTheUserItWasStartedFor_inTheirChatAndInAGroup() {
        BotHarness h = harness();
        List<Long> seen = new ArrayList<>();

        h.bot().forUser(1001, 1001).start(WIZARD).join();
        h.bot()
                .forUser(1001, 1001)
                .run(ctx -> {
                    seen.add(ctx.userId());
                    return stay();
                })
                .join();
        h.bot().forUser(-100500, 1002).start(WIZARD).join();
        h.bot()
                .forUser(-100500, 1002)
                .run(ctx -> {
                    seen.add(ctx.userId());
                    return stay();
                })
                .join();

        assertThat(seen).containsExactly(1001L, 1002L);
    }

    @Test
    void aStoredWindowThatNoLongerExists_resetsToTheRootDialog_withAMessage() {
        BotHarness h = harness(bot -> bot.onUnknownState("This menu was updated. Starting over.", WIZARD));
        StackKey key = StackKey.of(BOT, 1001, 1001);
        store.save(
                key,
                0,
                new Stack(
                        "",
                        List.of(new Frame("0", "wizard", "RENAMED", 3, null, Map.of("count", "5"), Map.of(), Map.of())),
                        1,
                        null,
                        List.of(),
                        1));
        FakeUser ann = h.user(1001, "Ann");

        try (LogCapture logs = new LogCapture()) {
            ann.send("hello");
            assertThat(logs.at(Level.WARN)).singleElement().asString().contains("wizard/RENAMED");
        }

        assertThat(ann.messages())
                .extracting(FakeMessage::text)
                .containsExactly("This menu was updated. Starting over.", "Count: ");
        assertThat(stack(ann).frames())
                .singleElement()
                .satisfies(f -> assertThat(f.windowId()).isEqualTo("FIRST"));
        ann.click("+1");
        assertThat(ann.lastMessage().text()).isEqualTo("Count: 1");
    }

    @Test
    void inputWidgets_takeMessages_beforeTheFallback_andCommandsComeFirst() {
        Key<String> name = Key.of("name", String.class);
        List<String> fallback = new ArrayList<>();
        Dialog ask = Dialog.builder("ask")
                .window(
                        Solo.ONLY,
                        w -> w.text(ctx -> "Name? " + ctx.get(name, ""))
                                .add(TextInput.text("name", (ctx, text) -> stay().with(name, text.strip()))))
                .build();
        BotHarness h = harness(bot -> bot.dialogs(ask)
                .command("ask", (ctx, args) -> Transition.start(ask, StartMode.RESET_STACK))
                .onMessage(ctx -> {
                    fallback.add("x");
                    return stay();
                }));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/ask");

        ann.send("  Ann  ");
        assertThat(ann.lastMessage().text()).isEqualTo("Name? Ann");
        ann.sendLocation(52.5, 13.4);
        assertThat(fallback).containsExactly("x");
        ann.send("/start");
        assertThat(ann.lastMessage().text()).isEqualTo("Count: ");
    }

    @Test
    void theContext_showsTheUserAndTheChat_ofPrivateAndGroupUpdates() {
        List<String> seen = new ArrayList<>();
        BotHarness h = harness(bot -> bot.command("who", (ctx, args) -> {
            seen.add(ctx.user().firstName() + "/" + ctx.userId() + " in "
                    + ctx.chat().type() + "/" + ctx.chatId());
            return stay();
        }));

        h.user(1001, "Ann").send("/who");
        h.user(1002, "Bob").inGroup(-100500).send("/who");

        assertThat(seen).containsExactly("Ann/1001 in private/1001", "Bob/1002 in supergroup/-100500");
    }

    @Test
    void otherUpdates_goToTheUpdateHandler_andUnknownKindsAreIgnored() {
        List<String> seen = new ArrayList<>();
        BotHarness h = harness(bot -> bot.onUpdate(ctx -> {
            seen.add(ctx.update().inlineQuery().query() + " from " + ctx.userId());
            return stay();
        }));
        var from = dev.tgdialog.telegram.types.User.of(1001, false, "Ann");

        h.deliver(dev.tgdialog.telegram.types.Update.builder(900)
                        .inlineQuery(dev.tgdialog.telegram.types.InlineQuery.of("iq1", from, "pizza", ""))
                        .build())
                .join();
        BotHarness quiet = harness();
        quiet.deliver(dev.tgdialog.telegram.types.Update.of(901)).join();

        assertThat(seen).containsExactly("pizza from 1001");
        assertThat(quiet.telegram().calls()).isEmpty();
    }

    @Test
    void deepLinkPayloads_reachTheStartCommand() {
        List<String> payloads = new ArrayList<>();
        BotHarness h = harness(bot -> bot.command("start", (ctx, args) -> {
            payloads.add(args);
            return Transition.start(WIZARD, StartMode.RESET_STACK);
        }));
        FakeUser ann = h.user(1001, "Ann");

        ann.send("/start ref-42");
        ann.send("/start@tgdialog_test_bot");
        ann.send("/start@other_bot");

        assertThat(payloads).containsExactly("ref-42", "");
    }
}
