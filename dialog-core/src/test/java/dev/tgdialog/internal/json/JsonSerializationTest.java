package dev.tgdialog.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;
import dev.tgdialog.telegram.ChatId;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.telegram.MessageOrTrue;
import dev.tgdialog.telegram.ResultTypes;
import dev.tgdialog.telegram.methods.EditMessageText;
import dev.tgdialog.telegram.methods.GetUpdates;
import dev.tgdialog.telegram.methods.SendMediaGroup;
import dev.tgdialog.telegram.methods.SendMessage;
import dev.tgdialog.telegram.methods.SendPhoto;
import dev.tgdialog.telegram.types.BotCommandScope;
import dev.tgdialog.telegram.types.BotCommandScopeChat;
import dev.tgdialog.telegram.types.ChatMember;
import dev.tgdialog.telegram.types.ChatMemberUnknown;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.InputMediaPhoto;
import dev.tgdialog.telegram.types.MaybeInaccessibleMessage;
import dev.tgdialog.telegram.types.ReplyKeyboardRemove;
import dev.tgdialog.telegram.types.ReplyMarkup;
import dev.tgdialog.telegram.types.RichText;
import dev.tgdialog.telegram.types.RichTextBold;
import dev.tgdialog.telegram.types.RichTextList;
import dev.tgdialog.telegram.types.RichTextPlain;
import dev.tgdialog.telegram.types.Update;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden JSON of outgoing requests, and the union adapters' choices on input. */
class JsonSerializationTest {

    private static final Gson GSON = Json.gson();

    @Test
    void sendMessageWithInlineKeyboard_writesSnakeCase_omitsNulls_chatIdAsNumber() {
        SendMessage send = SendMessage.builder(-1001234567890L, "Pick one <b>size</b>")
                .replyMarkup(new InlineKeyboardMarkup(List.of(List.of(
                        InlineKeyboardButton.builder("Small").callbackData("s").build(),
                        InlineKeyboardButton.builder("Large").callbackData("l").build()))))
                .build();

        assertThat(GSON.toJson(send))
                .isEqualTo("{\"chat_id\":-1001234567890,\"text\":\"Pick one <b>size</b>\","
                        + "\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Small\",\"callback_data\":\"s\"},"
                        + "{\"text\":\"Large\",\"callback_data\":\"l\"}]]}}");
        assertThat(send.methodName()).isEqualTo("sendMessage");
        assertThat(send.mayUpload()).isFalse();
    }

    @Test
    void botCommandScopeChat_writesItsTypeConstant() {
        assertThat(GSON.toJson(BotCommandScopeChat.of(ChatId.of(-100123))))
                .isEqualTo("{\"type\":\"chat\",\"chat_id\":-100123}");
    }

    @Test
    void discriminator_isForcedToItsConstant_evenWhenConstructedOtherwise() {
        assertThat(new BotCommandScopeChat("nonsense", ChatId.of("@channel")).type())
                .isEqualTo("chat");
        assertThat(GSON.toJson(new BotCommandScopeChat(null, ChatId.of("channel"))))
                .isEqualTo("{\"type\":\"chat\",\"chat_id\":\"@channel\"}");
    }

    @Test
    void unionRead_picksVariantByDiscriminator() {
        BotCommandScope scope = GSON.fromJson("{\"type\":\"chat\",\"chat_id\":\"@x\"}", BotCommandScope.class);
        assertThat(scope).isEqualTo(BotCommandScopeChat.of(ChatId.of("@x")));
    }

    @Test
    void anUpdateOnlyALenientReaderAccepts_isRefused_asTelegramWritesStrictJson() {
        for (String lenient : List.of(
                "{'update_id':1}",
                "{update_id:1}",
                "{\"update_id\":1 /* note */}",
                "{\"update_id\":1}{\"update_id\":2}",
                "{\"update_id\":1;\"message\":null}")) {
            assertThatThrownBy(() -> Json.fromUtf8(lenient.getBytes(StandardCharsets.UTF_8), Update.class))
                    .as(lenient)
                    .isInstanceOf(JsonSyntaxException.class);
            assertThatThrownBy(() -> GSON.fromJson(lenient, Update.class))
                    .as(lenient)
                    .isInstanceOf(JsonSyntaxException.class);
        }
        assertThat(Json.fromUtf8("{\"update_id\":1} ".getBytes(StandardCharsets.UTF_8), Update.class)
                        .updateId())
                .isEqualTo(1);
        assertThat(Json.fromUtf8(new byte[0], Update.class)).isNull();
    }

    @Test
    void unknownUnionVariant_readsAsItsUnknownRecord_withoutThrowing() {
        assertThat(GSON.fromJson("{\"status\":\"from_the_future\",\"user\":{\"id\":1}}", ChatMember.class))
                .isInstanceOf(ChatMemberUnknown.class);
        Update update = GSON.fromJson(
                "{\"update_id\":5,\"chat_member\":{\"chat\":{\"id\":1,\"type\":\"group\"},"
                        + "\"new_chat_member\":{\"status\":\"from_the_future\"}}}",
                Update.class);
        assertThat(update.updateId()).isEqualTo(5);
        assertThat(update.chatMember().newChatMember())
                .isEqualTo(new ChatMemberUnknown("from_the_future", null, "{\"status\":\"from_the_future\"}"));
    }

    @Test
    void replyMarkup_isChosenByItsMarkerField() {
        ReplyMarkup markup = GSON.fromJson("{\"remove_keyboard\":true}", ReplyMarkup.class);
        assertThat(markup).isInstanceOf(ReplyKeyboardRemove.class);
    }

    @Test
    void maybeInaccessibleMessage_withDateZero_isInaccessible() {
        MaybeInaccessibleMessage m = GSON.fromJson(
                "{\"chat\":{\"id\":1,\"type\":\"private\"},\"message_id\":7,\"date\":0}",
                MaybeInaccessibleMessage.class);
        assertThat(m).isInstanceOf(dev.tgdialog.telegram.types.InaccessibleMessage.class);
        assertThat(m.messageId()).isEqualTo(7);
    }

    @Test
    void richText_stringAndArrayForms_roundTripAsBareJson() {
        String json = "[\"plain \",{\"type\":\"bold\",\"text\":\"bold\"}]";
        RichText text = GSON.fromJson(json, RichText.class);
        assertThat(text)
                .isEqualTo(new RichTextList(
                        List.of(new RichTextPlain("plain "), new RichTextBold("bold", new RichTextPlain("bold")))));
        assertThat(GSON.toJson(text, RichText.class)).isEqualTo(json);
    }

    @Test
    void inputFileReference_writesItsString_uploadIsRefused() {
        SendPhoto photo = SendPhoto.of(42, InputFile.fileId("AgADBAAD"));
        assertThat(GSON.toJson(photo)).isEqualTo("{\"chat_id\":42,\"photo\":\"AgADBAAD\"}");
        assertThat(photo.mayUpload()).isTrue();

        SendPhoto upload = SendPhoto.of(42, InputFile.of(new byte[] {1}, "a.jpg"));
        assertThatThrownBy(() -> GSON.toJson(upload))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("multipart");
    }

    @Test
    void sendMediaGroup_takesInputMedia_andMayUpload() {
        SendMediaGroup group = SendMediaGroup.of(1, List.of(InputMediaPhoto.of(InputFile.url("https://x/a.jpg"))));
        assertThat(GSON.toJson(group))
                .isEqualTo("{\"chat_id\":1,\"media\":[{\"type\":\"photo\",\"media\":\"https://x/a.jpg\"}]}");
        assertThat(group.mayUpload()).isTrue();
    }

    @Test
    void resultTypes_areClassesOrLists_andEditsReturnMessageOrTrue() {
        Type updates = GetUpdates.of().resultType();
        assertThat(updates.getTypeName()).isEqualTo("java.util.List<dev.tgdialog.telegram.types.Update>");
        assertThat(updates).isEqualTo(ResultTypes.listOf(Update.class));
        List<Update> parsed = GSON.fromJson("[{\"update_id\":1}]", updates);
        assertThat(parsed).extracting(Update::updateId).containsExactly(1L);

        assertThat(EditMessageText.of().resultType()).isEqualTo(MessageOrTrue.class);
        assertThat(GSON.fromJson("true", MessageOrTrue.class).edited()).isEmpty();
        MessageOrTrue edited = GSON.fromJson(
                "{\"message_id\":3,\"date\":1,\"chat\":{\"id\":1,\"type\":\"private\"}}", MessageOrTrue.class);
        assertThat(edited.edited())
                .hasValueSatisfying(m -> assertThat(m.messageId()).isEqualTo(3));
    }

    @Test
    void inlineQueryResultsSharingATag_areToldApartByTheirRequiredFields() {
        var cached = GSON.fromJson(
                "{\"type\":\"photo\",\"id\":\"1\",\"photo_file_id\":\"F\"}",
                dev.tgdialog.telegram.types.InlineQueryResult.class);
        var byUrl = GSON.fromJson(
                "{\"type\":\"photo\",\"id\":\"1\",\"photo_url\":\"https://x/p.jpg\","
                        + "\"thumbnail_url\":\"https://x/t.jpg\"}",
                dev.tgdialog.telegram.types.InlineQueryResult.class);
        assertThat(cached).isInstanceOf(dev.tgdialog.telegram.types.InlineQueryResultCachedPhoto.class);
        assertThat(byUrl).isInstanceOf(dev.tgdialog.telegram.types.InlineQueryResultPhoto.class);
    }
}
