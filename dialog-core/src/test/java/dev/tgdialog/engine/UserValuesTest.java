package dev.tgdialog.engine;

import static dev.tgdialog.Transition.start;
import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Button;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Values a bot keeps per user ({@code ctx.userValue}): beyond dialogs, chats and pushes, gone with forgetUser. */
class UserValuesTest {
    enum Prefs implements WindowId {
        MAIN
    }

    enum Other implements WindowId {
        MAIN
    }

    record Address(String city, int zip) {}

    static final Key<Boolean> MUTED = Key.of("muted", Boolean.class);
    static final Key<Address> ADDRESS = Key.of("address", Address.class);

    static String muted(DialogContext ctx) {
        return "Muted: " + (ctx.userValue(MUTED).orElse(false) ? "yes" : "no");
    }

    static final Dialog PREFS = Dialog.builder("prefs")
            .window(
                    Prefs.MAIN,
                    w -> w.text(UserValuesTest::muted)
                            .add(Button.of("mute", "Mute", ctx -> {
                                ctx.saveUserValue(MUTED, true);
                                return stay();
                            }))
                            .add(Button.of("unmute", "Unmute", ctx -> {
                                ctx.saveUserValue(MUTED, null);
                                return stay();
                            })))
            .build();

    static final Dialog OTHER = Dialog.builder("other")
            .window(Other.MAIN, w -> w.text(ctx -> "Elsewhere. " + muted(ctx)))
            .build();

    private final BotHarness harness = BotHarness.of(bot -> bot.dialogs(PREFS, OTHER)
            .command("prefs", (ctx, args) -> start(PREFS, StartMode.RESET_STACK))
            .command("other", (ctx, args) -> start(OTHER, StartMode.RESET_STACK)));
    private final FakeUser ann = harness.user(1001, "Ann");
    private final FakeUser bob = harness.user(1002, "Bob");

    @Test
    void aValueKept_isTheUsersInEveryDialogChatAndPush_andNoOneElses() {
        ann.send("/prefs");
        assertThat(ann.lastMessage().text()).isEqualTo("Muted: no");
        ann.click("Mute");
        assertThat(ann.lastMessage().text()).isEqualTo("Muted: yes");

        ann.send("/other"); // a new stack: the dialog that saved it is gone
        assertThat(ann.lastMessage().text()).isEqualTo("Elsewhere. Muted: yes");
        FakeUser annInGroup = ann.inGroup(-1001);
        annInGroup.send("/other");
        assertThat(annInGroup.lastMessage().text()).isEqualTo("Elsewhere. Muted: yes");
        bob.send("/other");
        assertThat(bob.lastMessage().text()).isEqualTo("Elsewhere. Muted: no");

        List<Optional<Boolean>> seen = new ArrayList<>();
        inBackground(1001, ctx -> seen.add(ctx.userValue(MUTED))).join();
        assertThat(seen).containsExactly(Optional.of(true));

        ann.send("/prefs");
        ann.click("Unmute");
        assertThat(ann.lastMessage().text()).isEqualTo("Muted: no");
        ann.send("/other");
        assertThat(ann.lastMessage().text()).isEqualTo("Elsewhere. Muted: no");
    }

    @Test
    void forgetUser_deletesTheValues() {
        ann.send("/prefs");
        ann.click("Mute");

        harness.bot().forgetUser(1001).join();

        ann.send("/other");
        assertThat(ann.lastMessage().text()).isEqualTo("Elsewhere. Muted: no");
    }

    @Test
    void aRecordValue_comesBackAsTheKeysType() {
        List<Optional<Address>> seen = new ArrayList<>();
        ann.send("/prefs");
        inBackground(1001, ctx -> ctx.saveUserValue(ADDRESS, new Address("Berlin", 10115)))
                .join();
        inBackground(1001, ctx -> seen.add(ctx.userValue(ADDRESS))).join();

        assertThat(seen).containsExactly(Optional.of(new Address("Berlin", 10115)));
    }

    @Test
    void aValueThatNoLongerReadsAsItsKeysType_failsNamingTheKey() {
        Key<Address> changed = Key.of("muted", Address.class); // "muted" kept a Boolean
        ann.send("/prefs");
        ann.click("Mute");

        assertFailsSaying(inBackground(1001, ctx -> ctx.userValue(changed)), "\"muted\" does not read as");
    }

    @Test
    void aBackgroundActionForNoUser_cannotKeepAValue() {
        assertFailsSaying(inBackground(0, ctx -> ctx.saveUserValue(MUTED, true)), "no user to keep \"muted\" for");
    }

    /** Runs {@code action} outside any update, for {@code userId} in their private chat (in a group for none). */
    private CompletableFuture<Void> inBackground(long userId, Consumer<DialogContext> action) {
        return harness.bot().forUser(userId == 0 ? -1001 : userId, userId).run(ctx -> {
            action.accept(ctx);
            return stay();
        });
    }

    private static void assertFailsSaying(CompletableFuture<Void> run, String message) {
        assertThat(run)
                .failsWithin(Duration.ofSeconds(10))
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(IllegalStateException.class)
                .withMessageContaining(message);
    }
}
