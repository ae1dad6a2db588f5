package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.WindowId;
import dev.tgdialog.testing.FakeMessage;
import org.junit.jupiter.api.Test;

class CheckboxTest {
    enum Step implements WindowId {
        MAIN,
        OTHER
    }

    static final Key<Boolean> NEWS = Key.of("news", Boolean.class);
    static final Key<Integer> FLIPS = Key.of("flips", Integer.class);
    static final Key<String> READ = Key.of("read", String.class);

    static final Checkbox BOX = Checkbox.builder("news", "☑ Newsletter", "☐ Newsletter")
            .onChange((ctx, on) -> stay().with(FLIPS, ctx.get(FLIPS, 0) + 1))
            .into(NEWS)
            .build();

    static final Checkbox ON_BY_DEFAULT =
            Checkbox.builder("sound", "Sound on", "Sound off").initial(true).build();

    static final Dialog DIALOG = Dialog.builder("prefs")
            .window(
                    Step.MAIN,
                    w -> w.text("Settings")
                            .add(BOX)
                            .add(ON_BY_DEFAULT)
                            .add(Button.of("read", "Read", ctx -> stay().with(READ, "news=" + BOX.isChecked(ctx))))
                            .add(Nav.next("Next")))
            .window(Step.OTHER, w -> w.text("Other").add(Nav.back("Back")))
            .build();

    @Test
    void rendersTheLabelOfItsValue_andAClickFlipsIt() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        assertThat(bot.ann.buttons()).containsExactly("☐ Newsletter", "Sound on", "Read", "Next");
        assertThat(bot.ann.lastMessage().inlineKeyboard().get(0).get(0).callbackData())
                .isEqualTo("~..0.0.news.1");

        bot.ann.click("☐ Newsletter");
        assertThat(bot.ann.buttons()).startsWith("☑ Newsletter");
        assertThat(bot.state()).containsEntry("news/checked", "true");
        assertThat(bot.data()).containsEntry("news", "true").containsEntry("flips", "1");

        bot.ann.click("☑ Newsletter");
        bot.ann.click("Sound on");

        assertThat(bot.ann.buttons()).startsWith("☐ Newsletter", "Sound off");
        assertThat(bot.data()).containsEntry("news", "false").containsEntry("flips", "2");
    }

    @Test
    void theValue_survivesOtherWindowsAndStoreRoundTrips_andIsReadableElsewhere() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        bot.ann.click("Read");
        assertThat(bot.data()).containsEntry("read", "\"news=false\"");
        bot.ann.click("☐ Newsletter");

        bot.ann.click("Next");
        bot.ann.click("Back");
        bot.ann.click("Read");

        assertThat(bot.ann.buttons()).startsWith("☑ Newsletter");
        assertThat(bot.data()).containsEntry("read", "\"news=true\"");
    }

    @Test
    void aRepeatedClickOnAnOldKeyboard_flipsOnlyOnce() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        FakeMessage shown = bot.ann.lastMessage();
        String data = shown.inlineKeyboard().get(0).get(0).callbackData();

        bot.ann.clickWithData(shown, data);
        bot.ann.clickWithData(shown, data);

        assertThat(bot.ann.buttons()).startsWith("☑ Newsletter");
        assertThat(bot.data()).containsEntry("flips", "1");
    }

    @Test
    void aForgedPayload_isRefused_andChangesNothing() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        String before = bot.store.documents().values().iterator().next();

        bot.forge("☐ Newsletter", "yes");

        assertThat(bot.toast()).isEqualTo("This button is out of date");
        assertThat(bot.store.documents().values().iterator().next()).isEqualTo(before);
    }
}
