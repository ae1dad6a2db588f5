package dev.tgdialog.links;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeUser;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class DeepLinkRoutingTest {
    record Invite(long inviter, String club) {}

    enum Step implements WindowId {
        HELLO
    }

    static final Key<Long> INVITER = Key.of("inviter", Long.class);
    static final Key<String> CLUB = Key.of("club", String.class);
    static final byte[] SECRET = "the bot's secret, never in git".getBytes(StandardCharsets.UTF_8);

    static final DeepLink<Invite> INVITE = DeepLink.of(
                    "inv",
                    PayloadCodec.<Invite>of(
                                    (out, i) -> out.putLong(i.inviter()).putString(i.club()),
                                    in -> new Invite(in.getLong(), in.getString()))
                            .signed(SECRET))
            .refusal("This invitation is not valid. Ask for a new one.");

    static final Dialog WELCOME = Dialog.builder("welcome")
            .onStart(ctx -> {
                Invite invite = Objects.requireNonNull(ctx.input(Invite.class));
                return stay().with(INVITER, invite.inviter()).with(CLUB, invite.club());
            })
            .window(Step.HELLO, w -> w.format("Welcome! {inviter} invited you to the {club}."))
            .build();

    final BotHarness harness = BotHarness.of(bot -> bot.dialogs(WELCOME)
            .deepLink(INVITE, (ctx, invite) -> Transition.start(WELCOME, invite, StartMode.RESET_STACK))
            .command("start", (ctx, args) -> {
                ctx.telegram()
                        .execute(dev.tgdialog.telegram.methods.SendMessage.of(
                                ctx.chatId(), "Plain start [" + args + "]"));
                return stay();
            }));
    final FakeUser ann = harness.user(1001, "Ann");
    final BotLink bot = BotLink.of(FakeTelegram.BOT_USERNAME);

    @Test
    void aTypedPayload_roundTripsThroughABuiltLinkAndStart_toItsHandler() {
        String link = bot.start(INVITE.payload(new Invite(1002, "chess club")));

        ann.openLink(link);

        assertThat(link).startsWith("https://t.me/tgdialog_test_bot?start=inv_");
        assertThat(ann.lastMessage().text()).isEqualTo("Welcome! 1002 invited you to the chess club.");
    }

    @Test
    void aSignedPayload_editedByOneCharacter_isRefusedWithTheLinksAnswer_wherever_theEditIs() {
        String payload = INVITE.payload(new Invite(1002, "chess club"));
        for (int i = "inv_".length(); i < payload.length(); i++) {
            char edited = payload.charAt(i) == 'A' ? 'B' : 'A';
            String forged = payload.substring(0, i) + edited + payload.substring(i + 1);

            ann.openLink(bot.start(forged));

            assertThat(ann.lastMessage().text())
                    .as("edited at %d", i)
                    .isEqualTo("This invitation is not valid. Ask for a new one.");
        }
        assertThat(ann.messages()).noneMatch(m -> m.text().startsWith("Welcome"));
    }

    @Test
    void aMalformedPayload_isRefusedWithTheLinksAnswer_andNoHandlerRuns() {
        ann.send("/start inv_");
        assertThat(ann.lastMessage().text()).isEqualTo("This invitation is not valid. Ask for a new one.");
        ann.send("/start inv_x");
        assertThat(ann.lastMessage().text()).isEqualTo("This invitation is not valid. Ask for a new one.");
        assertThat(ann.messages()).hasSize(2);
    }

    @Test
    void startWithoutAPayload_orWithAnotherPrefix_goesToThePlainStartCommand() {
        ann.send("/start");
        assertThat(ann.lastMessage().text()).isEqualTo("Plain start []");
        ann.send("/start size_L");
        assertThat(ann.lastMessage().text()).isEqualTo("Plain start [size_L]");
        ann.send("/start invite");
        assertThat(ann.lastMessage().text()).isEqualTo("Plain start [invite]");
    }

    @Test
    void aRefusal_insideAnOpenDialog_leavesTheDialogAsItWas() {
        ann.openLink(bot.start(INVITE.payload(new Invite(7, "book club"))));

        ann.send("/start inv_AAAA");

        assertThat(ann.messages())
                .extracting(m -> m.text())
                .containsExactly(
                        "Welcome! 7 invited you to the book club.", "This invitation is not valid. Ask for a new one.");
    }

    @Test
    void twoDeepLinksWithOnePrefix_failWhenRegistered() {
        DialogBot.Builder builder = DialogBot.builder(new FakeTelegram().client(new dev.tgdialog.testing.FakeTime()))
                .deepLink(INVITE, (ctx, invite) -> stay());
        DeepLink<String> other = DeepLink.of("inv", PayloadCodec.string());

        assertThatThrownBy(() -> builder.deepLink(other, (ctx, text) -> stay()))
                .hasMessage("two deep links have the prefix inv");
    }

    @Test
    void theHarnessOpensOnlyStartLinks_toTheBotUnderTest() {
        assertThatThrownBy(() -> ann.openLink(bot.startGroup("x"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ann.openLink(BotLink.of("OtherBot").start("x")))
                .hasMessage("the link opens @OtherBot, not the bot under test @tgdialog_test_bot");
    }
}
