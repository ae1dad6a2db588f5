package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.RoundTripStore;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScrollingGroupTest {
    enum W implements WindowId {
        LIST
    }

    static final Key<List<String>> ITEMS = Key.listOf("items", String.class);
    static final Key<String> PICKED = Key.of("picked", String.class);

    /** One button per item of the getter's list; a click must name a shown item. */
    record Items(String id) implements KeyboardWidget {
        @Override
        public List<List<InlineKeyboardButton>> render(RenderContext ctx) {
            return List.of(ctx.get(ITEMS, List.of()).stream()
                    .map(i -> ctx.button(i, i))
                    .toList());
        }

        @Override
        public Transition onClick(WidgetContext ctx, String payload) {
            return ctx.get(ITEMS, List.of()).contains(payload)
                    ? stay().with(PICKED, payload)
                    : Transition.reject("No such item");
        }
    }

    static List<String> fruits(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "item " + i).toList();
    }

    private static FakeUser open(Dialog dialog) {
        BotHarness h = BotHarness.builder(bot -> bot.dialogs(dialog)
                        .command("go", (ctx, args) -> Transition.start(dialog, null, StartMode.RESET_STACK)))
                .store(new RoundTripStore())
                .build();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/go");
        return ann;
    }

    private static List<List<String>> labels(FakeUser user) {
        return user.lastMessage().inlineKeyboard().stream()
                .map(row -> row.stream().map(InlineKeyboardButton::text).toList())
                .toList();
    }

    @Test
    void pagesOfButtons_withAPrevNextPager_thatHidesWhatMakesNoSense() {
        ScrollingGroup group =
                ScrollingGroup.builder("list").height(5).add(new Items("it")).build();
        Dialog d = Dialog.builder("fruit")
                .window(
                        W.LIST,
                        w -> w.getter(ctx -> ctx.provide(ITEMS, fruits(30)))
                                .text(ctx -> "Pick a fruit (page " + (Scrollable.page(ctx, "list") + 1) + "/6)")
                                .add(group))
                .build();
        FakeUser ann = open(d);

        assertThat(ann.lastMessage().text()).isEqualTo("Pick a fruit (page 1/6)");
        assertThat(labels(ann))
                .containsExactly(
                        List.of("item 1"),
                        List.of("item 2"),
                        List.of("item 3"),
                        List.of("item 4"),
                        List.of("item 5"),
                        List.of("Next »"));
        ann.click("Next »");
        assertThat(ann.lastMessage().text()).isEqualTo("Pick a fruit (page 2/6)");
        assertThat(labels(ann))
                .containsExactly(
                        List.of("item 6"),
                        List.of("item 7"),
                        List.of("item 8"),
                        List.of("item 9"),
                        List.of("item 10"),
                        List.of("« Prev", "Next »"));
        ann.click("item 7");
        assertThat(ann.messages()).hasSize(1);
        for (int i = 0; i < 4; i++) {
            ann.click("Next »");
        }
        assertThat(labels(ann).get(5)).containsExactly("« Prev");
    }

    @Test
    void sizedChildren_renderOnlyThePageShown_acrossChildBoundaries() {
        List<String> asked = new ArrayList<>();
        Select<String> fruit = Select.<String>builder("fruit", ctx -> {
                    asked.add("fruit");
                    return fruits(7);
                })
                .onClick((ctx, item) -> stay().with(PICKED, item))
                .build();
        Select<String> veg = Select.of(
                "veg",
                IntStream.rangeClosed(1, 8).mapToObj(i -> "veg " + i).toList(),
                (ctx, item) -> stay().with(PICKED, item));
        ScrollingGroup group =
                ScrollingGroup.builder("list").height(5).add(fruit).add(veg).build();
        Dialog d = Dialog.builder("mixed")
                .window(
                        W.LIST,
                        w -> w.text(ctx -> "Picked " + ctx.get(PICKED, "-")).add(group))
                .build();
        FakeUser ann = open(d);

        ann.click("Next »");
        assertThat(labels(ann))
                .containsExactly(
                        List.of("item 6"),
                        List.of("item 7"),
                        List.of("veg 1"),
                        List.of("veg 2"),
                        List.of("veg 3"),
                        List.of("« Prev", "Next »"));
        ann.click("veg 2");
        assertThat(ann.lastMessage().text()).isEqualTo("Picked veg 2");
        ann.click("Next »");
        assertThat(labels(ann))
                .containsExactly(
                        List.of("veg 4"),
                        List.of("veg 5"),
                        List.of("veg 6"),
                        List.of("veg 7"),
                        List.of("veg 8"),
                        List.of("« Prev"));
    }

    @Test
    void aPagePastTheEnd_isRefused_andAForgedItemToo() {
        ScrollingGroup group = ScrollingGroup.builder("list")
                .width(2)
                .height(2)
                .add(new Items("it"))
                .build();
        Dialog d = Dialog.builder("fruit")
                .window(
                        W.LIST,
                        w -> w.getter(ctx -> ctx.provide(ITEMS, fruits(10)))
                                .text(ctx -> "Picked " + ctx.get(PICKED, "-"))
                                .add(group))
                .build();
        FakeUser ann = open(d);
        String next = ann.lastMessage().inlineKeyboard().get(2).get(0).callbackData();
        assertThat(next).isEqualTo("~..0.0.list_p.1");

        ann.clickWithData(ann.lastMessage(), "~..0.0.list_p.3");
        assertThat(ann.lastAnswer().text()).isEqualTo("There is no such page");
        ann.clickWithData(ann.lastMessage(), "~..0.0.list_p.-1");
        assertThat(ann.lastAnswer().text()).isEqualTo("There is no such page");
        ann.clickWithData(ann.lastMessage(), "~..0.0.it.item 99");
        assertThat(ann.lastAnswer().text()).isEqualTo("No such item");

        ann.clickWithData(ann.lastMessage(), "~..0.0.list_p.2");
        assertThat(labels(ann)).containsExactly(List.of("item 9", "item 10"), List.of("« Prev"));
    }

    @Test
    void fullAndNumberedPagers_attachToAScrollable() {
        ScrollingGroup group = ScrollingGroup.builder("list")
                .height(1)
                .pager(null)
                .add(new Items("it"))
                .build();
        Dialog d = Dialog.builder("fruit")
                .window(
                        W.LIST,
                        w -> w.getter(ctx -> ctx.provide(ITEMS, fruits(9)))
                                .text("Numbers")
                                .add(group)
                                .add(Pager.full("full", group))
                                .add(Pager.numbered("num", group, 5)))
                .build();
        FakeUser ann = open(d);

        assertThat(labels(ann))
                .containsExactly(List.of("item 1"), List.of("1/9", "›", "»"), List.of("·1·", "2", "3", "4", "5"));
        ann.click("»");
        assertThat(labels(ann))
                .containsExactly(List.of("item 9"), List.of("«", "‹", "9/9"), List.of("5", "6", "7", "8", "·9·"));
        ann.click("6");
        assertThat(labels(ann))
                .containsExactly(
                        List.of("item 6"), List.of("«", "‹", "6/9", "›", "»"), List.of("4", "5", "·6·", "7", "8"));
    }

    @Test
    void lazyPaging_asksTheGetterForOnePage_byOffsetAndLimit() {
        List<String> asked = new ArrayList<>();
        ScrollingGroup[] group = new ScrollingGroup[1];
        group[0] = ScrollingGroup.builder("list")
                .height(5)
                .lazy(ctx -> 10_000)
                .add(new Items("it"))
                .build();
        Dialog d = Dialog.builder("big")
                .window(
                        W.LIST,
                        w -> w.getter(ctx -> {
                                    int offset = group[0].offset(ctx);
                                    asked.add(offset + "+" + group[0].pageSize());
                                    ctx.provide(
                                            ITEMS,
                                            IntStream.range(offset, offset + group[0].pageSize())
                                                    .mapToObj(i -> "row " + i)
                                                    .toList());
                                })
                                .text("Rows")
                                .add(group[0]))
                .build();
        FakeUser ann = open(d);
        assertThat(labels(ann).get(0)).containsExactly("row 0");

        ann.click("Next »");
        ann.click("row 7");

        assertThat(asked).startsWith("0+5", "5+5").contains("5+5");
        assertThat(labels(ann).get(0)).containsExactly("row 5");
        assertThat(labels(ann).get(5)).containsExactly("« Prev", "Next »");
    }
}
