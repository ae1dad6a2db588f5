package dev.tgdialog.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.spi.Media;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.ManualTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An album a user sends reaches the window once, as one list; a window that takes one photo answers once. */
class AlbumInputTest {
    enum Step implements WindowId {
        ASK,
        GOT
    }

    static final Key<String> GOT = Key.of("got", String.class);

    static String describe(List<Message> album) {
        StringBuilder files = new StringBuilder();
        for (Message m : album) {
            String id = m.photo() != null
                    ? m.photo().get(m.photo().size() - 1).fileId()
                    : m.video() != null ? m.video().fileId() : "?";
            files.append(files.length() == 0 ? "" : ", ").append(id);
        }
        return album.size() + " (" + files + ") \"" + album.get(0).caption() + "\"";
    }

    static final Dialog PHOTOS = Dialog.builder("photos")
            .window(
                    Step.ASK,
                    w -> w.text("Send photos of your pizza")
                            .add(AlbumInput.of(
                                    "photos", (ctx, album) -> Transition.next().with(GOT, describe(album)))))
            .window(Step.GOT, w -> w.format("Got {got}"))
            .build();

    static final Dialog ONE_PHOTO = Dialog.builder("one")
            .window(
                    Step.ASK,
                    w -> w.text("Send one photo")
                            .add(MessageInput.of(
                                    "photo",
                                    MessageInput.ContentType.PHOTO,
                                    (ctx, m) -> Transition.next().with(GOT, describe(List.of(m))))))
            .window(Step.GOT, w -> w.format("Got {got}"))
            .build();

    private static BotHarness.Builder harness() {
        return BotHarness.builder(bot -> bot.dialogs(PHOTOS, ONE_PHOTO)
                .command("photos", (ctx, args) -> Transition.start(PHOTOS, null, StartMode.RESET_STACK))
                .command("one", (ctx, args) -> Transition.start(ONE_PHOTO, null, StartMode.RESET_STACK)));
    }

    @Test
    void anAlbum_reachesTheWindowOnce_asOneListInOrder() {
        FakeUser ann = harness().build().user(1001, "Ann");
        ann.send("/photos");

        ann.sendAlbum(
                "my pizza",
                Media.photo(InputFile.fileId("p1")),
                Media.video(InputFile.fileId("v2")),
                Media.photo(InputFile.fileId("p3")));

        assertThat(ann.messages())
                .extracting(FakeMessage::text)
                .containsExactly("Send photos of your pizza", "Got 3 (p1, v2, p3) \"my pizza\"");
    }

    @Test
    void aSinglePhoto_isAnAlbumOfOne() {
        FakeUser ann = harness().build().user(1001, "Ann");
        ann.send("/photos");

        ann.sendPhoto("solo", "just one");

        assertThat(ann.lastMessage().text()).isEqualTo("Got 1 (solo) \"just one\"");
    }

    @Test
    void aWindowThatTakesOnePhoto_getsTheAlbumsFirstPart_once() {
        FakeUser ann = harness().build().user(1001, "Ann");
        ann.send("/one");

        ann.sendAlbum("first", Media.photo(InputFile.fileId("a")), Media.photo(InputFile.fileId("b")));

        assertThat(ann.messages())
                .extracting(FakeMessage::text)
                .containsExactly("Send one photo", "Got 1 (a) \"first\"");
    }

    @Test
    void theAlbumIsTaken_onceTheWaitAfterItsLastPartHasPassed() {
        ManualTime clock = new ManualTime();
        FakeUser ann = harness().clock(clock).build().user(1001, "Ann");
        ann.send("/photos");

        ann.sendAlbum("slow", Media.photo(InputFile.fileId("p1")), Media.photo(InputFile.fileId("p2")));
        clock.advance(Duration.ofMillis(999));
        assertThat(ann.lastMessage().text()).isEqualTo("Send photos of your pizza");

        clock.advance(Duration.ofMillis(1));
        assertThat(ann.lastMessage().text()).isEqualTo("Got 2 (p1, p2) \"slow\"");
    }
}
