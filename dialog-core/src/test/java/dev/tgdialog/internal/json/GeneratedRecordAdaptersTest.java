package dev.tgdialog.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonWriter;
import dev.tgdialog.telegram.ChatId;
import dev.tgdialog.telegram.methods.SendMessage;
import dev.tgdialog.telegram.types.CallbackGame;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.Location;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.User;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated record adapters keep Gson's record semantics, and refuse a null for a primitive by name. */
class GeneratedRecordAdaptersTest {
    private final Gson gson = Json.gson();

    @Test
    void absentFieldsReadAsZeroFalseOrNull_andJsonNamesAreTheSpecsNames() {
        User user = gson.fromJson("{\"first_name\":\"Ann\",\"language_code\":\"de\"}", User.class);

        assertThat(user.id()).isZero();
        assertThat(user.isBot()).isFalse();
        assertThat(user.firstName()).isEqualTo("Ann");
        assertThat(user.languageCode()).isEqualTo("de");
        assertThat(user.lastName()).isNull();
        assertThat(user.isPremium()).isNull();
    }

    @Test
    void unknownFields_ofAnyShape_areSkipped() {
        User user = gson.fromJson(
                "{\"id\":7,\"future\":{\"a\":[1,{\"b\":null}]},\"also_new\":[true],"
                        + "\"first_name\":\"Bo\",\"later\":\"x\"}",
                User.class);

        assertThat(user).isEqualTo(User.of(7, false, "Bo"));
    }

    @Test
    void aJsonNullForAPrimitive_isRefused_butNullForAnOptionalIsNull() {
        assertThatThrownBy(() -> gson.fromJson("{\"id\":null,\"first_name\":\"Ann\"}", User.class))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("null is not allowed for User.id at $.id");
        assertThat(gson.fromJson("{\"id\":1,\"first_name\":\"Ann\",\"username\":null}", User.class)
                        .username())
                .isNull();
    }

    @Test
    void leafValues_readAsGsonReadsThem_numbersAndBooleansFromStrings_textFromABoolean() {
        User user = gson.fromJson("{\"id\":\"42\",\"is_bot\":\"true\",\"first_name\":true}", User.class);

        assertThat(user).isEqualTo(User.of(42, true, "true"));
        assertThatThrownBy(() -> gson.fromJson("{\"id\":\"forty\",\"first_name\":\"A\"}", User.class))
                .isInstanceOf(JsonParseException.class);
    }

    @Test
    void aRecordWithoutFields_skipsWhatItIsGiven_andWritesAnEmptyObject() {
        CallbackGame game = gson.fromJson("{\"x\":[1,{\"y\":null}],\"z\":\"w\"}", CallbackGame.class);

        assertThat(gson.toJson(game)).isEqualTo("{}");
    }

    @Test
    void aMethodRecord_writesItsParametersByTheirSpecNames() {
        SendMessage send = SendMessage.builder(ChatId.of(5), "hi")
                .disableNotification(true)
                .build();

        assertThat(gson.toJson(send)).isEqualTo("{\"chat_id\":5,\"text\":\"hi\",\"disable_notification\":true}");
        assertThat(gson.fromJson(gson.toJson(send), SendMessage.class)).isEqualTo(send);
    }

    @Test
    void writing_skipsNulls_usesSpecNames_andKeepsPrimitivesExact() {
        User user = new User(
                5_000_000_000L,
                true,
                "Bot",
                null,
                "the_bot",
                null,
                null,
                null,
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(gson.toJson(user))
                .isEqualTo("{\"id\":5000000000,\"is_bot\":true,\"first_name\":\"Bot\",\"username\":\"the_bot\","
                        + "\"can_join_groups\":true}");
        assertThat(gson.toJson(Location.of(52.52, 13.405))).isEqualTo("{\"latitude\":52.52,\"longitude\":13.405}");
    }

    @Test
    void aWriterThatSerialisesNulls_getsTheNullFields() throws Exception {
        StringWriter out = new StringWriter();
        JsonWriter writer = new JsonWriter(out);
        writer.setSerializeNulls(true);
        // Through the adapter: Gson.toJson would set the writer to Gson's own setting first.
        gson.getAdapter(InlineKeyboardButton.class).write(writer, InlineKeyboardButton.of("Hi"));

        assertThat(out.toString()).startsWith("{\"text\":\"Hi\",\"icon_custom_emoji_id\":null,");
    }

    @Test
    void nestedRecordsListsAndUnions_roundTrip() {
        InlineKeyboardMarkup markup = new InlineKeyboardMarkup(List.of(
                List.of(
                        InlineKeyboardButton.builder("« Prev").callbackData("p").build(),
                        InlineKeyboardButton.builder("Next »").callbackData("n").build()),
                List.of(InlineKeyboardButton.builder("Site")
                        .url("https://example.org")
                        .build())));
        String json = "{\"message_id\":3,\"date\":1700000000,\"chat\":{\"id\":-100,\"type\":\"supergroup\"},"
                + "\"text\":\"Pick\",\"reply_markup\":" + gson.toJson(markup) + "}";

        Message message = gson.fromJson(json, Message.class);

        assertThat(message.messageId()).isEqualTo(3);
        assertThat(message.chat().id()).isEqualTo(-100);
        assertThat(message.replyMarkup()).isEqualTo(markup);
        assertThat(gson.fromJson(gson.toJson(message), Message.class)).isEqualTo(message);
    }
}
