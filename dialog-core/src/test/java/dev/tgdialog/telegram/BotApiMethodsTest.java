package dev.tgdialog.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.telegram.methods.AnswerCallbackQuery;
import dev.tgdialog.telegram.methods.GetUpdates;
import dev.tgdialog.telegram.methods.SendMessage;
import org.junit.jupiter.api.Test;

/** The Bot API's method names, as the model knows them. */
class BotApiMethodsTest {

    @Test
    void everyMethodOfTheSpec_isKnown_byTheNameItsRecordGives_andNothingElse() {
        assertThat(BotApiMethods.names()).hasSize(180);
        assertThat(BotApiMethods.contains(SendMessage.of(1, "x").methodName())).isTrue();
        assertThat(BotApiMethods.contains(AnswerCallbackQuery.of("q").methodName()))
                .isTrue();
        assertThat(BotApiMethods.contains(GetUpdates.of().methodName())).isTrue();
        assertThat(BotApiMethods.contains("downloadFile")).isFalse();
        assertThat(BotApiMethods.contains("sendmessage"))
                .as("spelled as the spec spells it")
                .isFalse();
    }
}
