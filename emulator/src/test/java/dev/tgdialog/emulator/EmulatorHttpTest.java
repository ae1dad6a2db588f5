package dev.tgdialog.emulator;

import static dev.tgdialog.Transition.next;
import static dev.tgdialog.Transition.start;
import static dev.tgdialog.Transition.stay;
import static dev.tgdialog.Transition.switchTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.KeyboardKind;
import dev.tgdialog.StartMode;
import dev.tgdialog.WindowId;
import dev.tgdialog.widgets.Button;
import dev.tgdialog.widgets.ReplyButton;
import dev.tgdialog.widgets.Text;
import dev.tgdialog.widgets.TextInput;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator's JSON API over real HTTP on loopback, with a bot of its own: any dialog bot runs in it. */
class EmulatorHttpTest {
    static final long ANN = 1001;
    static final long BOB = 1002;
    static final long GROUP = -100_777;

    enum Step implements WindowId {
        NAME,
        HELLO,
        WAVED,
        KEYS
    }

    static final Key<String> NAME = Key.of("name", String.class);

    static final Dialog GREET = Dialog.builder("greet")
            .window(
                    Step.NAME,
                    w -> w.text("What is your name?")
                            .add(TextInput.text("name", (ctx, text) -> next().with(NAME, text.strip()))))
            .window(
                    Step.HELLO,
                    w -> w.text(Text.format("Hello, {name}!"))
                            .add(Button.of("wave", "Wave", ctx -> {
                                ctx.toast("Waved back");
                                return next();
                            }))
                            .add(Button.of("shout", "Shout", ctx -> {
                                ctx.alert("HELLO!");
                                return stay();
                            })))
            .window(
                    Step.WAVED,
                    w -> w.text(Text.format("{name} waved.")).add(Button.of("keys", "Keyboard", ctx -> next())))
            .window(
                    Step.KEYS,
                    w -> w.text("Wave once more?")
                            .keyboardKind(KeyboardKind.REPLY)
                            .add(ReplyButton.of("again", "Wave again", ctx -> switchTo(Step.HELLO))))
            .build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Emulator emulator;
    private URI page;

    @BeforeEach
    void startTheEmulator() throws Exception {
        emulator = Emulator.builder(bot ->
                        bot.dialogs(GREET).command("start", (ctx, args) -> start(GREET, StartMode.RESET_STACK)))
                .user(ANN, "Ann")
                .user(BOB, "Bob")
                .group(GROUP, "Pizza party")
                .get(
                        "/calls.txt",
                        "text/plain",
                        () -> "calls: " + emulator.harness().telegram().calls().size())
                .build();
        page = emulator.start();
    }

    @AfterEach
    void closeTheEmulator() {
        emulator.close();
    }

    @Test
    void servesThePage_onLoopback() throws Exception {
        HttpResponse<String> index = get("/");

        assertThat(page.getHost()).isEqualTo("127.0.0.1");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(index.body()).contains("<script src=\"emulator.js\">", "id=\"calls\"", "id=\"stack\"");
        assertThat(get("/emulator.js").body()).contains("new EventSource(\"/api/events\")");
        assertThat(get("/emulator.css").body()).contains("@media (max-width: 700px)");
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void aPageOfTheUsersOwn_isServedFreshOnEachRequest_butNotInPlaceOfTheEmulatorsOwn() throws Exception {
        String before = get("/calls.txt").body();
        post("/api/send", ANN, ANN, "text", "/start");
        HttpResponse<String> after = get("/calls.txt");

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(after.body()).startsWith("calls: ");
        assertThat(Integer.parseInt(after.body().substring("calls: ".length())))
                .as("the bot's calls, counted when asked")
                .isGreaterThan(Integer.parseInt(before.substring("calls: ".length())));
        for (String own : List.of("/", "/emulator.js", "/api/state", "/api/metrics", "metrics")) {
            assertThatThrownBy(() -> Emulator.builder(bot -> {}).get(own, "text/plain", () -> ""))
                    .as(own)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theMapOfTheDialogs_highlightsTheWindowTheUserIsAt() throws Exception {
        HttpResponse<String> none = get("/api/map?user=" + ANN + "&chat=" + ANN);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("image/svg+xml; charset=utf-8");
        assertThat(none.body()).startsWith("<svg").contains(">NAME<", ">HELLO<").doesNotContain("#ffd54f");

        post("/api/send", ANN, ANN, "text", "/start");
        post("/api/send", ANN, ANN, "text", "Ann");
        String atHello = get("/api/map?user=" + ANN + "&chat=" + ANN).body();
        String bobsNone = get("/api/map?user=" + BOB + "&chat=" + BOB).body();

        assertThat(highlighted(atHello)).isEqualTo("HELLO");
        assertThat(bobsNone).doesNotContain("#ffd54f");
        assertThat(get("/").body()).contains("id=\"map\"");
    }

    /** The label of the one node the SVG fills in the highlight colour. */
    private static String highlighted(String svg) {
        int fill = svg.indexOf("#ffd54f");
        assertThat(fill).as("a highlighted node").isPositive();
        assertThat(svg.indexOf("#ffd54f", fill + 1)).as("only one").isNegative();
        int text = svg.indexOf("<text", fill);
        return svg.substring(svg.indexOf('>', text) + 1, svg.indexOf("</text>", text));
    }

    @Test
    void twoUsersInAGroup_eachSeeTheWholeChat_andTheirOwnStack() throws Exception {
        post("/api/send", ANN, GROUP, "text", "/start");
        post("/api/send", BOB, GROUP, "text", "/start");
        post("/api/send", ANN, GROUP, "text", "Ann");

        JsonObject ann = state(ANN, GROUP);
        JsonObject bob = state(BOB, GROUP);
        List<String> chat = List.of(
                "Ann: /start",
                "bot: What is your name?",
                "Bob: /start",
                "bot: What is your name?",
                "Ann: Ann",
                "bot: Hello, Ann!");
        assertThat(lines(ann)).isEqualTo(chat);
        assertThat(lines(bob)).isEqualTo(chat);
        assertThat(stack(ann)).containsExactly("greet/HELLO {\"name\":\"Ann\"}");
        assertThat(stack(bob)).containsExactly("greet/NAME {}");
        assertThat(ann.getAsJsonObject("chat").get("title").getAsString()).isEqualTo("Pizza party");
        assertThat(names(ann.getAsJsonArray("chats"), "title")).containsExactly("Private chat", "Pizza party");

        // The private chats are apart from the group and from each other.
        post("/api/send", BOB, BOB, "text", "/start");
        assertThat(lines(state(BOB, BOB))).containsExactly("Bob: /start", "bot: What is your name?");
        assertThat(lines(state(ANN, ANN))).isEmpty();
        assertThat(stack(state(ANN, ANN))).isEmpty();
    }

    @Test
    void aClick_editsInPlace_answersWithTheToast_andListsTheCalls() throws Exception {
        post("/api/send", ANN, ANN, "text", "/start");
        post("/api/send", ANN, ANN, "text", "Ann");
        JsonObject hello = lastBotMessage(state(ANN, ANN));

        JsonObject answer =
                post("/api/click", ANN, ANN, "messageId", hello.get("id").getAsLong(), "label", "Wave");

        assertThat(answer.get("toast").getAsString()).isEqualTo("Waved back");
        assertThat(answer.get("alert").getAsBoolean()).isFalse();
        JsonObject state = state(ANN, ANN);
        assertThat(lastBotMessage(state).get("id")).isEqualTo(hello.get("id"));
        assertThat(names(state.getAsJsonArray("calls"), "method"))
                .containsExactlyInAnyOrder("sendMessage", "sendMessage", "answerCallbackQuery", "editMessageText");
        JsonObject edit = state.getAsJsonArray("calls").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .filter(c -> c.get("method").getAsString().equals("editMessageText"))
                .findFirst()
                .orElseThrow();
        assertThat(edit.getAsJsonObject("params").get("text").getAsString()).isEqualTo("Ann waved.");
        assertThat(lastBotMessage(state).get("text").getAsString()).isEqualTo("Ann waved.");
        assertThat(lastBotMessage(state).get("edited").getAsBoolean()).isTrue();
    }

    @Test
    void anAlert_aReplyKeyboard_andItsButton_showAsTheyWould() throws Exception {
        post("/api/send", ANN, ANN, "text", "/start");
        post("/api/send", ANN, ANN, "text", "Ann");
        long hello = lastBotMessage(state(ANN, ANN)).get("id").getAsLong();

        JsonObject shout = post("/api/click", ANN, ANN, "messageId", hello, "label", "Shout");
        assertThat(shout.get("toast").getAsString()).isEqualTo("HELLO!");
        assertThat(shout.get("alert").getAsBoolean()).isTrue();

        post("/api/click", ANN, ANN, "messageId", hello, "label", "Wave");
        post("/api/click", ANN, ANN, "messageId", hello, "label", "Keyboard");
        JsonObject keys = state(ANN, ANN);
        assertThat(keys.get("replyKeyboard").toString()).isEqualTo("[[{\"text\":\"Wave again\",\"request\":null}]]");
        // An edit cannot give a message a reply keyboard: the window went below.
        assertThat(lines(keys)).endsWith("bot: Ann waved.", "bot: Wave once more?");

        post("/api/reply", ANN, ANN, "label", "Wave again");
        JsonObject again = state(ANN, ANN);
        assertThat(lines(again)).contains("Ann: Wave again").endsWith("bot: Hello, Ann!");
        assertThat(again.get("replyKeyboard").isJsonNull()).isTrue();
        assertThat(stack(again)).containsExactly("greet/HELLO {\"name\":\"Ann\"}");
        assertThat(rawPost("/api/reply", "{\"user\":1001,\"chat\":1001,\"label\":\"Wave again\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aMessageSentLater_reachesThePage_asAServerSentEvent() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest events = HttpRequest.newBuilder(page.resolve("/api/events")).build();
        HttpResponse<java.util.stream.Stream<String>> stream = http.send(events, HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closedAtTheEnd) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(nextEvent(lines)).startsWith("change");

        // A background job, not a request of the page, starts a dialog for Bob.
        emulator.harness().bot().forUser(BOB, BOB).start(GREET).get(5, TimeUnit.SECONDS);

        assertThat(nextEvent(lines)).startsWith("change");
        assertThat(lines(state(BOB, BOB))).containsExactly("bot: What is your name?");
        stream.body().close();
    }

    @Test
    void requestsThePageCouldNotMake_areRefusedWithTheReason() throws Exception {
        assertThat(rawPost("/api/send", "{\"user\":9,\"chat\":9,\"text\":\"hi\"}")
                        .body())
                .contains("no user 9");
        assertThat(rawPost("/api/send", "{\"user\":1001,\"chat\":1002,\"text\":\"hi\"}")
                        .body())
                .contains("Ann is not in chat 1002");
        HttpResponse<String> notJson = rawPost("/api/send", "hello");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not a JSON object");
        assertThat(rawPost("/api/click", "{\"user\":1001,\"chat\":1001,\"messageId\":5,\"label\":\"x\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anotherSite_cannotDriveTheBot() throws Exception {
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(page.resolve("/api/send"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":1001,\"chat\":1001,\"text\":\"/start\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);

        // A name of another site resolving to loopback (DNS rebinding): the Host header gives it away.
        try (Socket socket = new Socket(page.getHost(), page.getPort())) {
            socket.getOutputStream()
                    .write("GET /api/state HTTP/1.1\r\nHost: evil.example:%d\r\nConnection: close\r\n\r\n"
                            .formatted(page.getPort())
                            .getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).isEqualTo("HTTP/1.1 403 Forbidden");
        }
        assertThat(lines(state(ANN, ANN))).isEmpty();
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String nextEvent(BlockingQueue<String> lines) throws InterruptedException {
        while (true) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("an event within 10 s").isNotNull();
            if (line.startsWith("event: ")) {
                return line.substring("event: ".length());
            }
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(page.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject state(long user, long chat) throws Exception {
        HttpResponse<String> response = get("/api/state?user=" + user + "&chat=" + chat);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private JsonObject post(String path, long user, long chat, Object... fields) throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty("user", user);
        body.addProperty("chat", chat);
        for (int i = 0; i < fields.length; i += 2) {
            Object value = fields[i + 1];
            if (value instanceof Number n) {
                body.addProperty((String) fields[i], n);
            } else {
                body.addProperty((String) fields[i], (String) value);
            }
        }
        HttpResponse<String> response = rawPost(path, body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private HttpResponse<String> rawPost(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(page.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The chat as "who: text" lines. */
    private static List<String> lines(JsonObject state) {
        List<String> lines = new ArrayList<>();
        for (JsonElement e : state.getAsJsonArray("messages")) {
            JsonObject m = e.getAsJsonObject();
            String who = m.get("from").getAsString().equals("bot")
                    ? "bot"
                    : m.get("name").getAsString();
            lines.add(who + ": " + m.get("text").getAsString());
        }
        return lines;
    }

    private static List<String> stack(JsonObject state) {
        List<String> frames = new ArrayList<>();
        for (JsonElement e : state.getAsJsonArray("stack")) {
            JsonObject f = e.getAsJsonObject();
            frames.add(f.get("dialog").getAsString() + "/" + f.get("window").getAsString() + " " + f.get("data"));
        }
        return frames;
    }

    private static List<String> names(JsonArray array, String field) {
        return array.asList().stream()
                .map(e -> e.getAsJsonObject().get(field).getAsString())
                .toList();
    }

    private static JsonObject lastBotMessage(JsonObject state) {
        JsonArray messages = state.getAsJsonArray("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonObject m = messages.get(i).getAsJsonObject();
            if (m.get("from").getAsString().equals("bot")) {
                return m;
            }
        }
        throw new AssertionError("no bot message in " + messages);
    }
}
