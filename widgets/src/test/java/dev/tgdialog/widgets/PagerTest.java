package dev.tgdialog.widgets;

import static dev.tgdialog.widgets.ScrollingGroupTest.ITEMS;
import static dev.tgdialog.widgets.ScrollingGroupTest.fruits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What each pager style renders, as its Javadoc shows it, at the first, a middle, the last and a lone page. */
class PagerTest {
    enum W implements WindowId {
        LIST
    }

    /** A window with one item a page ({@code items} of them) and the pager {@code pager} makes for it. */
    private FakeUser open(int items, Function<Scrollable, Pager> pager) {
        ScrollingGroup group = ScrollingGroup.builder("list")
                .height(1)
                .pager(null)
                .add(new ScrollingGroupTest.Items("it"))
                .build();
        Dialog d = Dialog.builder("pages")
                .window(
                        W.LIST,
                        w -> w.getter(ctx -> ctx.provide(ITEMS, fruits(items)))
                                .text("Items")
                                .add(group)
                                .add(pager.apply(group)))
                .build();
        BotHarness h = BotHarness.builder(bot ->
                        bot.dialogs(d).command("go", (ctx, args) -> Transition.start(d, null, StartMode.RESET_STACK)))
                .store(StackStore.inMemory(Duration.ofHours(1)))
                .build();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/go");
        return ann;
    }

    /** The pager's row: the keyboard's rows after the page's one item. */
    private static List<List<String>> pagerRows(FakeUser user) {
        List<List<InlineKeyboardButton>> rows = user.lastMessage().inlineKeyboard();
        return rows.subList(1, rows.size()).stream()
                .map(row -> row.stream().map(InlineKeyboardButton::text).toList())
                .toList();
    }

    @Test
    void prevNext_rendersPrevAndNext_withNoPageCount_hidingWhatLeadsNowhere() {
        FakeUser ann = open(3, group -> Pager.prevNext("pg", group));
        assertThat(pagerRows(ann)).containsExactly(List.of("Next »"));
        ann.click("Next »");
        assertThat(pagerRows(ann)).containsExactly(List.of("« Prev", "Next »"));
        ann.click("Next »");
        assertThat(pagerRows(ann)).containsExactly(List.of("« Prev"));

        assertThat(pagerRows(open(1, group -> Pager.prevNext("pg", group)))).isEmpty();
    }

    @Test
    void prevNext_keepingEnds_showsBothOnEveryPage_andAClickAtAnEndChangesNothing() {
        FakeUser ann = open(2, group -> Pager.prevNext("pg", group).keepingEnds());
        assertThat(pagerRows(ann)).containsExactly(List.of("« Prev", "Next »"));
        int shown = ann.history().size();
        ann.click("« Prev");
        assertThat(ann.history()).as("no send, edit or delete").hasSize(shown);
        assertThat(ann.lastMessage().inlineKeyboard().get(0).get(0).text()).isEqualTo("item 1");
        ann.click("Next »");
        assertThat(pagerRows(ann)).containsExactly(List.of("« Prev", "Next »"));
        assertThat(ann.lastMessage().inlineKeyboard().get(0).get(0).text()).isEqualTo("item 2");

        assertThat(pagerRows(open(1, group -> Pager.prevNext("pg", group).keepingEnds())))
                .containsExactly(List.of("« Prev", "Next »"));
    }

    @Test
    void full_rendersFirstPreviousCurrentNextLast_hidingWhatLeadsNowhere() {
        FakeUser ann = open(3, group -> Pager.full("pg", group));
        assertThat(pagerRows(ann)).containsExactly(List.of("1/3", "›", "»"));
        ann.click("›");
        assertThat(pagerRows(ann)).containsExactly(List.of("«", "‹", "2/3", "›", "»"));
        ann.click("»");
        assertThat(pagerRows(ann)).containsExactly(List.of("«", "‹", "3/3"));
        ann.click("«");
        assertThat(pagerRows(ann)).containsExactly(List.of("1/3", "›", "»"));

        assertThat(pagerRows(open(1, group -> Pager.full("pg", group)))).isEmpty();
        assertThat(pagerRows(open(1, group -> Pager.full("pg", group).keepingEnds())))
                .containsExactly(List.of("1/1"));
    }

    @Test
    void numbered_rendersAWindowOfPageNumbers_theCurrentOneMarked() {
        FakeUser ann = open(6, group -> Pager.numbered("pg", group, 3));
        assertThat(pagerRows(ann)).containsExactly(List.of("·1·", "2", "3"));
        ann.click("3");
        assertThat(pagerRows(ann)).containsExactly(List.of("2", "·3·", "4"));

        assertThat(pagerRows(open(1, group -> Pager.numbered("pg", group, 3)))).isEmpty();
        assertThat(pagerRows(open(1, group -> Pager.numbered("pg", group, 3).keepingEnds())))
                .containsExactly(List.of("·1·"));
    }
}
