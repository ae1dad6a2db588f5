package dev.tgdialog.internal.json;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.tgdialog.telegram.types.ChatMember;
import dev.tgdialog.telegram.types.ChatMemberUnknown;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.MessageOrigin;
import dev.tgdialog.telegram.types.MessageOriginUnknown;
import dev.tgdialog.telegram.types.ReactionType;
import dev.tgdialog.telegram.types.ReactionTypeEmoji;
import dev.tgdialog.telegram.types.ReactionTypeUnknown;
import dev.tgdialog.telegram.types.ReplyMarkup;
import dev.tgdialog.telegram.types.ReplyMarkupUnknown;
import dev.tgdialog.telegram.types.UnknownUpdateKind;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.testing.BotHarness;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values of kinds the model does not know (Telegram adds union variants and update kinds often): read as explicit
 * unknown values carrying their JSON in compact form, never as null, and written back as that JSON.
 */
class UnknownKindsTest {

    /**
     * A reaction type from a Bot API version newer than the model's, as Telegram writes JSON: slashes and some
     * characters escaped, a space after a colon.
     */
    private static final String FUTURE_REACTION =
            "{\"type\":\"paid_star_2027\", \"stars\":3,\"link\":\"https:\\/\\/t.me\\/x\",\"label\":\"<b>\\u00e9\"}";

    private static final String REACTION_UPDATE = """
            {
              "update_id": 71651249,
              "message_reaction": {
                "chat": {"id": -1002184233434, "title": "Test", "type": "supergroup"},
                "message_id": 35,
                "user": {"id": 1459074222, "is_bot": false, "first_name": "shadowchain", "language_code": "en"},
                "date": 1721306082,
                "old_reaction": [],
                "new_reaction": [
                  {"type": "emoji", "emoji": "🌭"},
                  %s
                ]
              }
            }""".formatted(FUTURE_REACTION);

    /** The same reaction as it is kept: compact, strings re-escaped as the model writes them. */
    private static final String FUTURE_REACTION_COMPACT =
            "{\"type\":\"paid_star_2027\",\"stars\":3,\"link\":\"https://t.me/x\",\"label\":\"<b>é\"}";

    private static Update update(String json) {
        return Json.fromUtf8(json.getBytes(StandardCharsets.UTF_8), Update.class);
    }

    @Test
    void unknownReactionType_inAList_isAnUnknownValueWithItsJson_notNull_andWritesBackUnchanged() {
        Update update = update(REACTION_UPDATE);

        List<ReactionType> reactions = update.messageReaction().newReaction();
        assertThat(reactions).doesNotContainNull().hasSize(2);
        assertThat(reactions.get(0)).isEqualTo(ReactionTypeEmoji.of("🌭"));
        assertThat(reactions.get(1)).isEqualTo(new ReactionTypeUnknown("paid_star_2027", FUTURE_REACTION_COMPACT));
        assertThat(reactions.get(1).type()).isEqualTo("paid_star_2027");

        String written = Json.gson().toJson(update);
        assertThat(written).contains("[{\"type\":\"emoji\",\"emoji\":\"🌭\"}," + FUTURE_REACTION_COMPACT + "]");
        assertThat(JsonParser.parseString(written)).isEqualTo(JsonParser.parseString(REACTION_UPDATE));
        assertThat(Json.gson().toJsonTree(reactions.get(1), ReactionType.class))
                .isEqualTo(JsonParser.parseString(FUTURE_REACTION));
    }

    @Test
    void throughGsonsOwnReader_anUnknownValueKeepsItsJsonInCompactForm() {
        Update update = Json.gson().fromJson(REACTION_UPDATE, Update.class);

        assertThat(update.messageReaction().newReaction().get(1))
                .isEqualTo(new ReactionTypeUnknown("paid_star_2027", FUTURE_REACTION_COMPACT));
    }

    @Test
    void unknownValue_keepsItsMembersInOrder_andEachNumberAsWritten_andOfARepeatedNameTheLastValue() {
        String sent = "{\"type\": \"paid_star_2027\", \"z\": 1, \"price\": 3.50, \"big\": 12345678901234567890123,"
                + " \"exp\": 1E3, \"neg\": -0.0, \"a\": [true, null, {}], \"z\": 2}";
        String update =
                "{\"update_id\":7,\"message_reaction\":{\"chat\":{\"id\":5,\"type\":\"private\"},\"message_id\":1,"
                        + "\"date\":2,\"old_reaction\":[],\"new_reaction\":[" + sent + "]}}";

        ReactionType read = update(update).messageReaction().newReaction().get(0);

        String kept = "{\"type\":\"paid_star_2027\",\"z\":2,\"price\":3.50,\"big\":12345678901234567890123,"
                + "\"exp\":1E3,\"neg\":-0.0,\"a\":[true,null,{}]}";
        assertThat(read).isEqualTo(new ReactionTypeUnknown("paid_star_2027", kept));
        assertThat(Json.gson().toJson(read, ReactionType.class)).isEqualTo(kept);
    }

    @Test
    void unknownForwardOrigin_ofAMessage_keepsItsSharedFieldsAndJson_andWritesBackUnchanged() {
        String origin =
                "{\"type\":\"story\",\"date\":1721306000,\"story\":{\"id\":7,\"chat\":{\"id\":5,\"type\":\"private\"}}}";
        String json = """
                {"message_id": 12, "date": 1721306082, "chat": {"id": 5, "type": "private", "first_name": "Ann"},
                 "forward_origin": %s, "text": "look"}""".formatted(origin);

        Message message = Json.fromUtf8(json.getBytes(StandardCharsets.UTF_8), Message.class);

        MessageOrigin read = message.forwardOrigin();
        assertThat(read).isEqualTo(new MessageOriginUnknown("story", 1721306000, origin));
        // The union's own accessors work on the unknown variant too (they are the fields every variant shares).
        String described =
                read instanceof MessageOriginUnknown u ? "unknown " + u.type() + " at " + read.date() : "known";
        assertThat(described).isEqualTo("unknown story at 1721306000");
        assertThat(JsonParser.parseString(Json.gson().toJson(message))).isEqualTo(JsonParser.parseString(json));
    }

    @Test
    void unknownChatMemberStatus_keepsTheUser_andUntaggedUnionsHaveAnUnknownToo() {
        ChatMember member = Json.gson()
                .fromJson(
                        "{\"status\":\"from_the_future\",\"user\":{\"id\":1,\"is_bot\":false,\"first_name\":\"Ann\"}}",
                        ChatMember.class);
        assertThat(member).isInstanceOf(ChatMemberUnknown.class);
        assertThat(member.status()).isEqualTo("from_the_future");
        assertThat(member.user().firstName()).isEqualTo("Ann");

        ReplyMarkup markup = Json.gson().fromJson("{\"future_keyboard\":[1]}", ReplyMarkup.class);
        assertThat(markup).isEqualTo(new ReplyMarkupUnknown("{\"future_keyboard\":[1]}"));
        assertThat(Json.gson().toJson(markup, ReplyMarkup.class)).isEqualTo("{\"future_keyboard\":[1]}");
    }

    @Test
    void unknownUpdateKind_exposesItsNameAndJson_andWritesBackUnchanged() {
        Update update = update("{\"update_id\":5,\"future_kind\":{\"a\":1}}");

        assertThat(update.updateId()).isEqualTo(5);
        assertThat(update.unknownKind()).isEqualTo(new UnknownUpdateKind("future_kind", "{\"a\":1}"));
        assertThat(Json.gson().toJson(update)).isEqualTo("{\"update_id\":5,\"future_kind\":{\"a\":1}}");

        Update spaced = update("{\"update_id\": 6, \"future_kind\": [1, {\"b\": \"\\/\"}] }");
        assertThat(spaced.unknownKind()).isEqualTo(new UnknownUpdateKind("future_kind", "[1,{\"b\":\"/\"}]"));
        assertThat(Json.gson().toJson(spaced)).isEqualTo("{\"update_id\":6,\"future_kind\":[1,{\"b\":\"/\"}]}");
    }

    @Test
    void knownUpdateKinds_haveNoUnknownKind_andUnknownFieldsInsideKnownTypesStayIgnored() {
        Update update = update("{\"update_id\":6,\"message\":{\"message_id\":1,\"date\":2,"
                + "\"chat\":{\"id\":5,\"type\":\"private\"},\"future_field\":{\"b\":2},\"text\":\"hi\"}}");

        assertThat(update.unknownKind()).isNull();
        assertThat(update.message().text()).isEqualTo("hi");
        assertThat(Json.gson().toJson(update)).doesNotContain("future_field");
    }

    @Test
    void unknownUpdateKind_reachesTheUpdateHandler_withItsJson() {
        List<String> seen = new ArrayList<>();
        BotHarness h = BotHarness.of(bot -> bot.onUpdate(ctx -> {
            UnknownUpdateKind kind = ctx.update().unknownKind();
            seen.add(ctx.update().updateId() + " " + (kind == null ? "known" : kind.name() + " " + kind.json()));
            return stay();
        }));

        h.deliver(update("{\"update_id\":5,\"future_kind\":{\"a\":1}}")).join();

        assertThat(seen).containsExactly("5 future_kind {\"a\":1}");
        assertThat(h.telegram().calls()).isEmpty();
    }
}
