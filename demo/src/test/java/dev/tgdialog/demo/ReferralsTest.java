package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tgdialog.telegram.methods.GetChatMenuButton;
import dev.tgdialog.telegram.types.BotCommand;
import dev.tgdialog.telegram.types.BotCommandScopeDefault;
import dev.tgdialog.telegram.types.MenuButtonCommands;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.ManualTime;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo's {@code /ref} link and its credits, and the command list it publishes in English and German. */
class ReferralsTest {
    static final byte[] SECRET = "the demo's referral secret, for tests".getBytes(StandardCharsets.UTF_8);
    static final Pattern LINK = Pattern.compile("https://t\\.me/tgdialog_test_bot\\?start=(ref_[A-Za-z0-9_-]+)");
    static final String REFUSAL = "This invitation link is not valid. Ask your friend to send it again.";

    /** The referrals every demo test bot runs with. */
    static Referrals referrals() {
        return new Referrals(FakeTelegram.BOT_USERNAME, SECRET);
    }

    final Referrals referrals = referrals();
    final BotHarness harness = BotHarness.of(bot -> OrderBot.configure(bot, order -> {}, referrals));
    final FakeUser ann = harness.user(1001, "Ann");
    final FakeUser bob = harness.user(1002, "Bob");

    /** The link {@code /ref} shows this user. */
    static String refLink(FakeUser user) {
        user.send("/ref");
        Matcher link = LINK.matcher(user.lastMessage().text());
        assertThat(link.find()).as(user.lastMessage().text()).isTrue();
        return link.group();
    }

    @Test
    void ref_showsTheUsersOwnTmeLink_andHowManyCameByIt() {
        ann.send("/ref");

        assertThat(ann.lastMessage().text())
                .matches("Invite friends with your link:\nhttps://t\\.me/tgdialog_test_bot\\?start=ref_[A-Za-z0-9_-]+\n"
                        + "Friends who came by it: 0");
        assertThat(refLink(ann)).isNotEqualTo(refLink(bob));
    }

    @Test
    void aSecondUserOpeningTheLink_creditsItsOwnerOnce_evenWhenOpenedTwice() {
        String link = refLink(ann);

        bob.openLink(link);
        assertThat(bob.messages())
                .extracting(m -> m.text())
                .containsExactly("Welcome! Your friend's invitation counted.", "Which pizza size?");
        bob.openLink(link);

        assertThat(referrals.credits(ann.id())).isEqualTo(1);
        assertThat(bob.messages())
                .extracting(m -> m.text())
                .containsOnlyOnce("Welcome! Your friend's invitation counted.");
        ann.send("/ref");
        assertThat(ann.lastMessage().text()).endsWith("Friends who came by it: 1");
    }

    @Test
    void aUserBroughtByOne_creditsNoOneElseLater() {
        FakeUser cid = harness.user(1003, "Cid");
        bob.openLink(refLink(ann));

        bob.openLink(refLink(cid));

        assertThat(referrals.credits(ann.id())).isEqualTo(1);
        assertThat(referrals.credits(cid.id())).isZero();
    }

    @Test
    void openingOnesOwnLink_creditsNothing() {
        ann.openLink(refLink(ann));

        assertThat(ann.messages())
                .extracting(m -> m.text())
                .endsWith("That is your own link: share it with friends.", "Which pizza size?");
        assertThat(referrals.credits(ann.id())).isZero();
    }

    @Test
    void anEditedLink_isRefusedWithAClearAnswer_andCreditsNobody() {
        String link = refLink(ann);
        int last = link.length() - 1;
        String edited = link.substring(0, last) + (link.charAt(last) == 'A' ? 'B' : 'A');

        bob.openLink(edited);

        assertThat(bob.messages()).extracting(m -> m.text()).containsExactly(REFUSAL);
        assertThat(referrals.credits(ann.id())).isZero();
    }

    @Test
    void aLinkSignedWithAnotherSecret_isRefused() {
        Referrals forger = new Referrals(FakeTelegram.BOT_USERNAME, Referrals.newSecret());

        bob.openLink(forger.linkOf(ann.id()));

        assertThat(bob.lastMessage().text()).isEqualTo(REFUSAL);
        assertThat(referrals.credits(ann.id())).isZero();
    }

    @Test
    void theCommandsTelegramHolds_afterStart_areInEnglish_andInGermanUnderDe() {
        assertThat(harness.telegram().commands(BotCommandScopeDefault.of(), null))
                .extracting(BotCommand::command, BotCommand::description)
                .containsExactly(
                        tuple("start", "Order a pizza"),
                        tuple("settings", "Switch the language"),
                        tuple("catalogue", "Try every kind of widget"),
                        tuple("book", "Book a hotel room"),
                        tuple("game", "Toss a pizza (a game)"),
                        tuple("ref", "Your link to invite friends"),
                        tuple("help", "What this bot does"));
        assertThat(harness.telegram().commands(BotCommandScopeDefault.of(), "de"))
                .extracting(BotCommand::command, BotCommand::description)
                .containsExactly(
                        tuple("start", "Pizza bestellen"),
                        tuple("settings", "Die Sprache wechseln"),
                        tuple("catalogue", "Alle Widgets ausprobieren"),
                        tuple("book", "Ein Hotelzimmer buchen"),
                        tuple("game", "Eine Pizza werfen (ein Spiel)"),
                        tuple("ref", "Dein Link, um Freunde einzuladen"),
                        tuple("help", "Was dieser Bot kann"));
    }

    @Test
    void afterStart_telegramHoldsTheMenuOfCommands_andTheBotsDescriptionInEnglishAndGerman() {
        // Telegram's default menu is the commands already, so the bot had nothing to set.
        assertThat(harness.telegram().client(new ManualTime()).execute(GetChatMenuButton.of()))
                .isEqualTo(MenuButtonCommands.of());
        assertThat(harness.telegram().profile().shortDescriptions())
                .containsEntry("", "A tgdialog demo: pizza, rooms and widgets.")
                .containsEntry("de", "Eine tgdialog-Demo: Pizza, Zimmer und Widgets.");
        assertThat(harness.telegram().profile().descriptions()).containsKeys("", "de");
    }
}
