package dev.tgdialog.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tgdialog.telegram.ChatId;
import dev.tgdialog.telegram.types.ChatMemberBanned;
import dev.tgdialog.telegram.types.ChatMemberMember;
import dev.tgdialog.telegram.types.InaccessibleMessage;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.Update;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real Telegram payload in {@code fixtures/} parses with {@link Json#gson()} and writes back to the same JSON
 * tree (key order ignored), except for the reviewed differences listed in {@link #EXPECTED_DIFFERENCES}.
 *
 * <p>The top-level files and the two {@code legacy-docs/} files are whole Updates; the two files in
 * {@code messages/} are bare Message objects (see fixtures/SOURCES.md), so they are parsed as {@link Message}.
 */
class FixtureRoundTripTest {

    private static final Gson GSON = Json.gson();

    /**
     * The reviewed differences between a fixture and its round trip, as JSON paths: {@code -} the input had the
     * field and the output lacks it, {@code +} the output has a field the input lacked. Any other difference fails.
     */
    private static final Map<String, Set<String>> EXPECTED_DIFFERENCES = Map.of(
            // Sticker.is_video is required since Bot API 5.7 but missing in this old capture; the primitive
            // boolean writes back false. (Sticker.type is missing too, but a null String is simply omitted.)
            "message_sticker_supergroup.json", Set.of("+$.message.sticker.is_video"),
            // Poll.allows_revoting and Poll.members_only are required in 10.x, absent in this 2020 capture;
            // written back as false. (PollOption.persistent_id is a String, so omitted.)
            "message_poll_supergroup.json", Set.of("+$.message.poll.allows_revoting", "+$.message.poll.members_only"),
            // Legacy Message.user_shared (Bot API 6.5, replaced by users_shared) and UsersShared.user_ids
            // (replaced by users) are not in the 10.1 spec, so they are dropped.
            "message_users_shared_supergroup.json",
                    Set.of("-$.message.user_shared", "-$.message.users_shared.user_ids"),
            // Official doc examples that predate User.is_bot (required boolean, written back false) and carry a
            // User.type that the spec never had.
            "legacy-docs/chosen_inline_result.json",
                    Set.of("+$.chosen_inline_result.from.is_bot", "-$.chosen_inline_result.from.type"),
            "legacy-docs/callback_query_inline_message.json",
                    Set.of("+$.callback_query.from.is_bot", "-$.callback_query.from.type"));

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path root = fixtureRoot();
        try (Stream<Path> files = Files.walk(root)) {
            return files
                    .filter(p -> p.toString().endsWith(".json"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void fixtureSet_isComplete() throws Exception {
        List<String> all = fixtures().toList();
        assertThat(all).hasSize(43);
        assertThat(all.stream().filter(f -> f.startsWith("messages/"))).hasSize(2);
        assertThat(all.stream().filter(f -> f.startsWith("legacy-docs/"))).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixture_roundTrips_exceptForReviewedDifferences(String fixture) throws Exception {
        JsonElement input = JsonParser.parseString(read(fixture));
        Class<?> kind = fixture.startsWith("messages/") ? Message.class : Update.class;

        Object parsed = GSON.fromJson(input, kind);
        JsonElement output = GSON.toJsonTree(parsed);

        Set<String> differences = new TreeSet<>();
        diff("$", input, output, differences);
        assertThat(differences).isEqualTo(EXPECTED_DIFFERENCES.getOrDefault(fixture, Set.of()));
    }

    @Test
    void supergroupChatId_parsesAsFullLong() throws Exception {
        Update update = parse("message_dice_supergroup.json");
        assertThat(Objects.requireNonNull(update.message()).chat().id()).isEqualTo(-1001276785818L);
    }

    @Test
    void callbackQueryMessage_parsesAsMessage() throws Exception {
        Update update = parse("callback_query_with_message_private.json");
        assertThat(Objects.requireNonNull(update.callbackQuery()).message()).isInstanceOf(Message.class);
    }

    @Test
    void callbackQueryMessageWithDateZero_parsesAsInaccessibleMessage() throws Exception {
        JsonObject json = JsonParser.parseString(read("callback_query_with_message_private.json"))
                .getAsJsonObject();
        JsonObject message = json.getAsJsonObject("callback_query").getAsJsonObject("message");
        JsonObject inaccessible = new JsonObject();
        inaccessible.add("chat", message.get("chat"));
        inaccessible.add("message_id", message.get("message_id"));
        inaccessible.addProperty("date", 0);
        json.getAsJsonObject("callback_query").add("message", inaccessible);

        Update update = GSON.fromJson(json, Update.class);

        assertThat(Objects.requireNonNull(update.callbackQuery()).message())
                .isInstanceOfSatisfying(InaccessibleMessage.class, m -> {
                    assertThat(m.messageId())
                            .isEqualTo(message.get("message_id").getAsLong());
                    assertThat(m.date()).isZero();
                });
    }

    @Test
    void chatMemberVariant_isChosenByStatus() throws Exception {
        Update update = parse("my_chat_member_bot_blocked_private.json");
        var change = Objects.requireNonNull(update.myChatMember());
        assertThat(change.oldChatMember()).isInstanceOf(ChatMemberMember.class);
        assertThat(change.newChatMember()).isInstanceOf(ChatMemberBanned.class);
        assertThat(change.newChatMember().status()).isEqualTo("kicked");
    }

    @Test
    void bareMessageFixture_parsesAsMessage() throws Exception {
        Message message = GSON.fromJson(read("messages/chat_shared.message.json"), Message.class);
        assertThat(Objects.requireNonNull(message.chatShared()).chatId()).isEqualTo(384939L);
        assertThat(message.chat().id()).isEqualTo(250918540L);
        assertThat(ChatId.of(message.chat().id())).isEqualTo(ChatId.of(250918540L));
    }

    /** Collects JSON paths where {@code a} and {@code b} differ; numbers compare by value (5 equals 5.0). */
    private static void diff(String path, JsonElement a, JsonElement b, Set<String> out) {
        if (a.isJsonObject() && b.isJsonObject()) {
            JsonObject ao = a.getAsJsonObject();
            JsonObject bo = b.getAsJsonObject();
            for (String k : ao.keySet()) {
                if (!bo.has(k)) {
                    out.add("-" + path + "." + k);
                } else {
                    diff(path + "." + k, ao.get(k), bo.get(k), out);
                }
            }
            for (String k : bo.keySet()) {
                if (!ao.has(k)) {
                    out.add("+" + path + "." + k);
                }
            }
        } else if (a.isJsonArray() && b.isJsonArray()) {
            var aa = a.getAsJsonArray();
            var ba = b.getAsJsonArray();
            if (aa.size() != ba.size()) {
                out.add("~" + path + " (length)");
                return;
            }
            List<String> sub = new ArrayList<>();
            for (int i = 0; i < aa.size(); i++) {
                Set<String> d = new TreeSet<>();
                diff(path + "[" + i + "]", aa.get(i), ba.get(i), d);
                sub.addAll(d);
            }
            out.addAll(sub);
        } else if (!a.equals(b)) {
            out.add("~" + path + " (" + a + " -> " + b + ")");
        }
    }

    private static Update parse(String fixture) throws Exception {
        return GSON.fromJson(read(fixture), Update.class);
    }

    private static String read(String fixture) throws IOException, URISyntaxException {
        return Files.readString(fixtureRoot().resolve(fixture), StandardCharsets.UTF_8);
    }

    private static Path fixtureRoot() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(FixtureRoundTripTest.class.getResource("/fixtures"))
                .toURI());
    }
}
