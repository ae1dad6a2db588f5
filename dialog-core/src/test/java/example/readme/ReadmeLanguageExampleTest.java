// The README shows this file's snippet as it is: the formatter leaves it alone.
// spotless:off
package example.readme;

import static dev.tgdialog.Transition.done;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Command;
import dev.tgdialog.Dialog;
import dev.tgdialog.WindowId;
import dev.tgdialog.i18n.TextBundle;
import dev.tgdialog.kit.Button;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The language snippet of the README, compiled and run so it cannot rot. */
class ReadmeLanguageExampleTest {
    enum Setting implements WindowId { LANGUAGE }

    enum Push implements WindowId { READY }

    // --- README: the user's language ---
    static final TextBundle TEXTS = TextBundle.of("i18n.front").translatedTo("de");   // i18n/front_en, _de

    static final Dialog SETTINGS = Dialog.builder("settings")
            .window(Setting.LANGUAGE, w -> w
                    .text(ctx -> TEXTS.format(ctx, "settings.text"))
                    .add(Button.of("de", "Deutsch", ctx -> {
                        ctx.pickLanguage(Locale.GERMAN);     // kept per user: every dialog, chat and push
                        return done();
                    })))
            .build();

    static final Dialog READY = Dialog.builder("ready")
            .window(Push.READY, w -> w.text(ctx -> TEXTS.format(ctx, "push.ready", 1234)))
            .build();

    @Test
    void aUserWhoPicksGerman_getsGerman_evenInAPush() {
        BotHarness harness = BotHarness.of(bot -> bot
                .dialogs(READY)
                .settings(Command.builder("settings").description(TEXTS, "command.settings").build(), SETTINGS));
        FakeUser ann = harness.user(1001, "Ann", "en");

        ann.send("/settings");
        ann.click("Deutsch");
        harness.bot().forUser(1001, 1001).start(READY).join();    // no update, no user: still her language

        assertThat(ann.lastMessage().text()).isEqualTo("Bestellung 1.234 ist fertig!");
    }
    // --- end ---
    // spotless:on

    @Test
    void theReadmeShowsThisSnippet() throws Exception {
        ReadmeSnippets.assertShown("ReadmeLanguageExampleTest.java", "the user's language");
    }
}
