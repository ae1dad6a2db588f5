package dev.tgdialog.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tgdialog.telegram.ChatId;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.telegram.Limits;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.TelegramException;
import dev.tgdialog.telegram.methods.AnswerCallbackQuery;
import dev.tgdialog.telegram.methods.EditMessageCaption;
import dev.tgdialog.telegram.methods.EditMessageText;
import dev.tgdialog.telegram.methods.SendMessage;
import dev.tgdialog.telegram.methods.SendPhoto;
import dev.tgdialog.telegram.types.Message;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** FakeTelegram reads markup and counts limits as Telegram does, and lets an old callback query expire. */
class FakeTelegramMarkupTest {
    private static final long CHAT = 42;

    private final FakeTime time = new FakeTime();
    private final FakeTelegram fake = new FakeTelegram(time);
    private final TelegramClient client = fake.client(time);

    private static String refusal(Runnable call) {
        TelegramException.BadRequest refused = catchThrowableOfType(TelegramException.BadRequest.class, call::run);
        assertThat(refused).as("refused with 400").isNotNull();
        return refused.description();
    }

    private String send(String text, String parseMode) {
        return refusal(() -> client.execute(
                SendMessage.builder(CHAT, text).parseMode(parseMode).build()));
    }

    @Test
    void brokenMarkup_isRefusedWithTelegramsDescription_andNothingIsStored() {
        assertThat(send("<b>bold", "HTML"))
                .isEqualTo("Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"");
        assertThat(send("Hi <foo>there</foo>", "HTML"))
                .isEqualTo("Bad Request: can't parse entities: Unsupported start tag \"foo\" at byte offset 3");
        assertThat(send("Total: 5.00", "MarkdownV2"))
                .isEqualTo("Bad Request: can't parse entities: "
                        + "Character '.' is reserved and must be escaped with the preceding '\\'");
        assertThat(send("*bold", "Markdown"))
                .isEqualTo("Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 0");
        assertThat(refusal(() -> client.execute(SendPhoto.builder(CHAT, InputFile.fileId("AgAC"))
                        .caption("<i>x</b>")
                        .parseMode("HTML")
                        .build())))
                .isEqualTo("Bad Request: can't parse entities: Unmatched end tag at byte offset 4, "
                        + "expected \"</i>\", found \"</b>\"");

        assertThat(fake.messages(CHAT)).isEmpty();
    }

    @Test
    void editsWithBrokenMarkup_areRefused_andLeaveTheMessageAsItWas() {
        Message text = client.execute(
                SendMessage.builder(CHAT, "<b>ok</b>").parseMode("HTML").build());
        Message photo = client.execute(
                SendPhoto.builder(CHAT, InputFile.fileId("AgAC")).caption("ok").build());

        assertThat(refusal(() -> client.execute(EditMessageText.builder()
                        .text("a_b")
                        .chatId(ChatId.of(CHAT))
                        .messageId(text.messageId())
                        .parseMode("MarkdownV2")
                        .build())))
                .isEqualTo("Bad Request: can't parse entities: Can't find end of Italic entity at byte offset 1");
        assertThat(refusal(() -> client.execute(EditMessageCaption.builder()
                        .chatId(ChatId.of(CHAT))
                        .messageId(photo.messageId())
                        .caption("</b>")
                        .parseMode("HTML")
                        .build())))
                .isEqualTo("Bad Request: can't parse entities: Unexpected end tag at byte offset 0");

        assertThat(fake.messages(CHAT)).extracting(FakeMessage::text).containsExactly("<b>ok</b>", "ok");
    }

    @Test
    void lengthLimits_countTheTextAfterEntityParsing() {
        // 5,000 characters of HTML that show 4,000: accepted.
        String html = "<b>" + "a".repeat(3669) + "</b>" + "&lt;".repeat(331);
        assertThat(html).hasSize(5000);
        client.execute(SendMessage.builder(CHAT, html).parseMode("HTML").build());
        // 4,097 on screen, however it is written: too long.
        assertThat(send("<b>" + "a".repeat(4000) + "</b>" + "&lt;".repeat(97), "HTML"))
                .isEqualTo("Bad Request: message is too long");
        client.execute(SendMessage.builder(CHAT, "\\.".repeat(Limits.MESSAGE_TEXT))
                .parseMode("MarkdownV2")
                .build());
        assertThat(send("\\.".repeat(Limits.MESSAGE_TEXT + 1), "MarkdownV2"))
                .isEqualTo("Bad Request: message is too long");
        // Only tags: nothing to show.
        assertThat(send("<b> </b>", "HTML")).isEqualTo("Bad Request: message text is empty");

        client.execute(SendPhoto.builder(CHAT, InputFile.fileId("AgAC"))
                .caption("<b>" + "c".repeat(Limits.CAPTION) + "</b>")
                .parseMode("HTML")
                .build());
        assertThat(refusal(() -> client.execute(SendPhoto.builder(CHAT, InputFile.fileId("AgAC"))
                        .caption("*" + "c".repeat(Limits.CAPTION + 1) + "*")
                        .parseMode("MarkdownV2")
                        .build())))
                .isEqualTo("Bad Request: message caption is too long");

        assertThat(fake.messages(CHAT)).hasSize(3);
    }

    @Test
    void anAnswerLaterThanTheAnswerWindow_isRefusedAsTooOld() {
        fake.registerCallbackQuery("in-time");
        fake.registerCallbackQuery("late");

        time.advance(Limits.CALLBACK_QUERY_ANSWER_WINDOW);
        assertThat(client.execute(AnswerCallbackQuery.of("in-time"))).isTrue();
        time.advance(Duration.ofMillis(1));
        TelegramException.BadRequest late = catchThrowableOfType(
                TelegramException.BadRequest.class,
                () -> client.execute(
                        AnswerCallbackQuery.builder("late").text("Saved").build()));

        assertThat(late).as("refused with 400").isNotNull();
        assertThat(late.description())
                .isEqualTo("Bad Request: query is too old and response timeout expired or query ID is invalid");
        assertThat(late.isQueryTooOld()).isTrue();
        assertThat(fake.callbackAnswers()).extracting(CallbackAnswer::queryId).containsExactly("in-time");
    }
}
