package dev.tgdialog.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.WindowId;
import dev.tgdialog.i18n.TextBundle;
import dev.tgdialog.telegram.types.Chat;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.MessageEntity;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class I18nTextTest {
    enum Step implements WindowId {
        ONLY
    }

    static final Key<Integer> COUNT = Key.of("count", Integer.class);

    static final TextBundle MESSAGES = TextBundle.of("i18n.messages");

    static final Checkbox GIFT = Checkbox.builder(
                    "gift", I18nText.of(MESSAGES, "plain"), I18nText.of(MESSAGES, "only.english"))
            .initial(true)
            .build();

    static final Dialog DIALOG = Dialog.builder("hello")
            .window(
                    Step.ONLY,
                    w -> w.getter(ctx -> ctx.provide(COUNT, 1234))
                            .text(I18nText.of(
                                    MESSAGES, "greeting", ctx -> ctx.user().firstName()))
                            .text(I18nText.of(MESSAGES, "basket", ctx -> ctx.get(COUNT), ctx -> 1234.5))
                            .text(I18nText.of(MESSAGES, "only.english"))
                            .text(I18nText.of(TextBundle.of("i18n.messages"), "plain"))
                            .add(GIFT))
            .build();

    final WidgetBot bot = new WidgetBot(DIALOG);
    final AtomicLong ids = new AtomicLong(10_000);

    /** Sends /start as a user whose Telegram client reports {@code languageCode}. */
    String startAs(@Nullable String languageCode) {
        return startAs(bot, languageCode);
    }

    String startAs(WidgetBot bot, @Nullable String languageCode) {
        User user = User.builder(WidgetBot.ANN, false, "Ann")
                .languageCode(languageCode)
                .build();
        Chat chat = Chat.builder(WidgetBot.ANN, "private").firstName("Ann").build();
        Message message = Message.builder(ids.getAndIncrement(), 1_700_000_000, chat)
                .from(user)
                .text("/start")
                .entities(List.of(MessageEntity.of("bot_command", 0, 6)))
                .build();
        bot.ann.deliver(Update.builder(ids.getAndIncrement()).message(message).build(), true);
        return bot.text();
    }

    @Test
    void english() {
        assertThat(startAs("en")).isEqualTo("""
                Hello, Ann!
                You have 1,234 items worth 1,234.50.
                Only in English
                Don't panic""");
        assertThat(bot.ann.buttons()).containsExactly("Don't panic");
    }

    @Test
    void german_withEnglishForAKeyTheGermanBundleLacks() {
        assertThat(startAs("de")).isEqualTo("""
                Hallo, Ann!
                Du hast 1.234 Artikel für 1.234,50.
                Only in English
                Keine Panik""");
        assertThat(bot.ann.buttons()).containsExactly("Keine Panik");
    }

    @Test
    void aRegionalVariant_usesItsLanguage() {
        assertThat(startAs("de-AT")).startsWith("Hallo, Ann!");
    }

    @Test
    void anUnknownLanguage_orNone_fallsBackToEnglish() {
        assertThat(startAs("fr")).startsWith("Hello, Ann!\nYou have 1,234 items worth 1,234.50.");
        assertThat(startAs(null)).startsWith("Hello, Ann!");
        assertThat(startAs("")).startsWith("Hello, Ann!");
    }

    @Test
    void anotherFallbackLocale() {
        TextBundle german = MESSAGES.fallback(Locale.GERMAN);
        Dialog dialog = Dialog.builder("de")
                .window(Step.ONLY, w -> w.text(I18nText.of(german, "greeting", ctx -> "Ann")))
                .build();
        WidgetBot other = new WidgetBot(dialog);

        assertThat(startAs(other, "fr")).isEqualTo("Hallo, Ann!");
        assertThat(startAs(other, "en")).isEqualTo("Hello, Ann!");
    }

    /** What a window of this parse mode shows (its raw text, which Telegram accepted) with {@code text}. */
    String shownIn(String parseMode, I18nText text) {
        Dialog dialog = Dialog.builder("markup")
                .window(Step.ONLY, w -> w.parseMode(parseMode).text(text))
                .build();
        return startAs(new WidgetBot(dialog), "en");
    }

    @Test
    void argumentValues_areEscapedForTheWindowsParseMode_whileThePatternStaysMarkup() {
        TextBundle markup = TextBundle.of("i18n.markup");
        I18nText.Arg name = ctx -> "<i>Ann</i> & _co_";

        assertThat(shownIn("HTML", I18nText.of(markup, "html.greeting", name, ctx -> 1234)))
                .isEqualTo("Hello, <b>&lt;i&gt;Ann&lt;/i&gt; &amp; _co_</b>! You have 1,234 items.");
        assertThat(shownIn("HTML", I18nText.of(markup, "html.greeting", name, ctx -> 1)))
                .isEqualTo("Hello, <b>&lt;i&gt;Ann&lt;/i&gt; &amp; _co_</b>! You have one item.");
        assertThat(shownIn("MarkdownV2", I18nText.of(markup, "markdown.greeting", name, ctx -> 1234.5)))
                .isEqualTo("Hello, *<i\\>Ann</i\\> & \\_co\\_*\\! You have 1,234\\.50 points\\.");
    }

    @Test
    void definitionMistakes_failWhenBuilt() {
        assertThatThrownBy(() -> I18nText.of(MESSAGES, "no.such.key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bundle i18n.messages (en) has no key \"no.such.key\"");
        assertThatThrownBy(() -> TextBundle.of("i18n.nothing")).isInstanceOf(MissingResourceException.class);
        assertThatThrownBy(() -> MESSAGES.fallback(Locale.JAPANESE)).isInstanceOf(MissingResourceException.class);
    }
}
