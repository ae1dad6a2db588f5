package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.spi.Media;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.testing.ApiCall;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.ChatEvent;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A window that shows an album: the album, then the window's text and buttons in a message under it; the message
 * edited while the album stays the same, and the album with its message deleted and sent again as one unit when it
 * changes or the window moves on.
 */
class AlbumWindowTest {
    enum Step implements WindowId {
        GALLERY,
        DONE
    }

    static final Key<Integer> LIKES = Key.of("likes", Integer.class);
    static final Key<Boolean> VEGGIE = Key.of("veggie", Boolean.class);

    static final Dialog GALLERY = Dialog.builder("gallery")
            .window(
                    Step.GALLERY,
                    w -> w.album(ctx -> ctx.get(VEGGIE, false)
                                    ? List.of(
                                            Media.photo(InputFile.fileId("veggie-1")),
                                            Media.video(InputFile.fileId("veggie-2")))
                                    : List.of(
                                            Media.photo(InputFile.fileId("pizza-1")),
                                            Media.photo(InputFile.fileId("pizza-2")),
                                            Media.photo(InputFile.fileId("pizza-3"))))
                            .text(ctx -> "Our pizzas · " + ctx.get(LIKES, 0) + " likes")
                            .add(Button.of("like", "Like", ctx -> stay().with(LIKES, ctx.get(LIKES, 0) + 1)))
                            .add(Button.of("veggie", "Veggie", ctx -> stay().with(VEGGIE, true)))
                            .add(Button.of("next", "Order", ctx -> Transition.next())))
            .window(Step.DONE, w -> w.text("Enjoy your pizza"))
            .build();

    final BotHarness harness = BotHarness.of(bot ->
            bot.dialogs(GALLERY).command("go", (ctx, args) -> Transition.start(GALLERY, null, StartMode.RESET_STACK)));
    final FakeUser ann = harness.user(1001, "Ann");

    private List<String> methods() {
        return harness.telegram().calls().stream().map(ApiCall::method).toList();
    }

    @Test
    void theAlbumComesFirst_thenTheTextAndButtonsInAMessageUnderIt() {
        ann.send("/go");

        assertThat(methods()).containsSubsequence("sendMediaGroup", "sendMessage");
        List<FakeMessage> messages = ann.messages();
        assertThat(messages).extracting(FakeMessage::kind).containsExactly("photo", "photo", "photo", "text");
        assertThat(messages.subList(0, 3))
                .extracting(FakeMessage::fileId)
                .containsExactly("pizza-1", "pizza-2", "pizza-3");
        assertThat(ann.lastMessage().text()).isEqualTo("Our pizzas · 0 likes");
        assertThat(ann.lastMessage().buttonLabels()).containsExactly("Like", "Veggie", "Order");
    }

    @Test
    void whileTheAlbumStaysTheSame_onlyTheMessageUnderItIsEdited() {
        ann.send("/go");
        int before = ann.history().size();

        ann.click("Like");

        List<ChatEvent> after = ann.history().subList(before, ann.history().size());
        assertThat(after).hasSize(1).first().isInstanceOf(ChatEvent.Edited.class);
        assertThat(ann.lastMessage().text()).isEqualTo("Our pizzas · 1 likes");
        assertThat(ann.messages()).filteredOn(m -> m.kind().equals("photo")).hasSize(3);
    }

    @Test
    void aChangedAlbum_replacesTheWholeWindow_inOneDeleteAndNewSends() {
        ann.send("/go");
        List<Long> shown = ann.messages().stream().map(FakeMessage::messageId).toList();
        int before = ann.history().size();

        ann.click("Veggie");

        List<ChatEvent> after = ann.history().subList(before, ann.history().size());
        assertThat(after.stream().filter(e -> e instanceof ChatEvent.Deleted).map(ChatEvent::messageId))
                .containsExactlyInAnyOrderElementsOf(shown);
        assertThat(methods()).filteredOn("deleteMessages"::equals).hasSize(1);
        assertThat(ann.messages()).extracting(FakeMessage::kind).containsExactly("photo", "video", "text");
        assertThat(ann.lastMessage().buttonLabels()).containsExactly("Like", "Veggie", "Order");

        ann.click("Like");
        assertThat(ann.lastMessage().text()).isEqualTo("Our pizzas · 1 likes");
        assertThat(ann.messages()).hasSize(3);
    }

    @Test
    void anAlbumQueuedBehindAFloodWait_goesOutLater_andTheStackLearnsItsMessages() {
        dev.tgdialog.testing.ManualTime clock = new dev.tgdialog.testing.ManualTime();
        BotHarness slow = BotHarness.builder(bot -> bot.dialogs(GALLERY)
                        .command("go", (ctx, args) -> Transition.start(GALLERY, null, StartMode.RESET_STACK)))
                .clock(clock)
                .build();
        FakeUser bob = slow.user(1002, "Bob");
        slow.telegram().failNext("sendMediaGroup", 429, "Too Many Requests: retry after 5", 5);

        bob.send("/go");
        assertThat(bob.messages()).as("the chat waits out the flood").isEmpty();
        clock.advance(Duration.ofMillis(5600));
        assertThat(bob.messages()).extracting(FakeMessage::kind).containsExactly("photo", "photo", "photo", "text");
        List<Long> sent = bob.messages().stream().map(FakeMessage::messageId).toList();

        bob.click("Veggie");

        assertThat(bob.history().stream()
                        .filter(e -> e instanceof ChatEvent.Deleted)
                        .map(ChatEvent::messageId))
                .as("the real ids replaced the placeholders")
                .containsExactlyInAnyOrderElementsOf(sent);
        assertThat(bob.messages()).extracting(FakeMessage::kind).containsExactly("photo", "video", "text");
    }

    @Test
    void movingOn_deletesTheAlbumWithItsMessage() {
        ann.send("/go");

        ann.click("Order");

        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("Enjoy your pizza");
    }

    @Test
    void aClickOnTheMessageUnderAnAlbum_thatTheStackNoLongerShows_isStale() {
        ann.send("/go");
        FakeMessage first = ann.lastMessage();
        ann.send("/go");

        ann.clickOn(first, "Like");

        assertThat(ann.lastAnswer().text()).isNotNull();
        assertThat(ann.lastMessage().text()).isEqualTo("Our pizzas · 0 likes");
    }

    @Test
    void anAlbumOfOneItem_orOfMixedDocuments_isRefused_namingTheWindow() {
        Dialog single = Dialog.builder("single")
                .window(
                        Step.GALLERY,
                        w -> w.album(ctx -> List.of(Media.photo(InputFile.fileId("only"))))
                                .text("One"))
                .build();
        BotHarness bad = BotHarness.of(bot -> bot.dialogs(single)
                .command("go", (ctx, args) -> Transition.start(single, null, StartMode.RESET_STACK))
                .onError(IllegalStateException.class, (ctx, error) -> ctx.send("failed: " + error.getMessage())));
        FakeUser bob = bad.user(1002, "Bob");
        bob.send("/go");
        assertThat(bob.lastMessage().text()).contains("dialog single, window GALLERY", "2-10 items");

        assertThatThrownBy(() -> Dialog.builder("untitled")
                        .window(Step.GALLERY, w -> w.album(ctx -> List.of()))
                        .build())
                .hasMessageContaining("no text");
    }
}
