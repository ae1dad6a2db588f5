package dev.tgdialog.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.store.StackStoreException;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.testing.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The gathering of an album's parts: each part acknowledged at once, the album handed on once, whole. */
class AlbumsTest {
    final ManualTime time = new ManualTime();
    final List<List<Long>> handled = new ArrayList<>();
    final Albums albums = new Albums(time, Duration.ofSeconds(1), parts -> {
        handled.add(parts.stream().map(Update::updateId).toList());
        return CompletableFuture.completedFuture(null);
    });

    private static Update part(long id) {
        return Update.builder(id).build();
    }

    @Test
    void theAlbumIsHandedOnOnce_aWaitAfterItsLastPart_inTheOrderOfItsUpdates() {
        assertThat(albums.add(7, "g", part(11))).isDone();
        time.advance(Duration.ofMillis(600));
        assertThat(albums.add(7, "g", part(13))).isDone();
        albums.add(7, "g", part(12));
        time.advance(Duration.ofMillis(600));
        assertThat(handled).as("a part came within the wait").isEmpty();

        time.advance(Duration.ofMillis(400));

        assertThat(handled).containsExactly(List.of(11L, 12L, 13L));
        time.advance(Duration.ofSeconds(5));
        assertThat(handled).hasSize(1);
    }

    @Test
    void albumsOfOtherChatsOrGroups_areKeptApart_andATenthPartEndsTheWait() {
        for (long id = 1; id <= 10; id++) {
            albums.add(7, "g", part(id));
        }
        albums.add(8, "g", part(20));
        albums.add(7, "h", part(30));

        assertThat(handled).containsExactly(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L));
        time.advance(Duration.ofSeconds(1));
        assertThat(handled).hasSize(3).contains(List.of(20L), List.of(30L));
    }

    @Test
    void anAlbumTheStoreCouldNotTake_isTriedAgainWithBackoff() {
        List<Integer> tries = new ArrayList<>();
        Albums flaky = new Albums(time, Duration.ofSeconds(1), parts -> {
            tries.add(tries.size() + 1);
            return tries.size() < 3
                    ? CompletableFuture.failedFuture(new StackStoreException("down"))
                    : CompletableFuture.completedFuture(null);
        });
        flaky.add(7, "g", part(1));
        flaky.add(7, "g", part(2));

        time.advance(Duration.ofSeconds(1));
        assertThat(tries).containsExactly(1);
        time.advance(Duration.ofSeconds(1));
        assertThat(tries).containsExactly(1, 2);
        time.advance(Duration.ofSeconds(2));
        assertThat(tries).containsExactly(1, 2, 3);
        time.advance(Duration.ofMinutes(5));
        assertThat(tries).hasSize(3);
    }
}
