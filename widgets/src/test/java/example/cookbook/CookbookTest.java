// docs/cookbook.md shows this file's snippets as they are: the formatter leaves them alone.
// spotless:off
package example.cookbook;

import static dev.tgdialog.Transition.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.WindowId;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.widgets.*;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recipes of docs/cookbook.md, compiled and run. */
class CookbookTest {
    enum Ask implements WindowId { QUESTION }
    enum Account implements WindowId { MAIN }
    enum Find implements WindowId { QUERY, RESULTS }

    // --- README: cookbook, a confirmation ---
    static final Dialog CONFIRM = Dialog.builder("confirm")
            .window(Ask.QUESTION, w -> w
                    .text(ctx -> ctx.input(String.class))      // the question, from the dialog that asks
                    .add(Row.of(
                            Button.of("yes", "Yes", ctx -> done(true)),
                            Button.of("no", "No", ctx -> done(false)))))
            .build();

    static final Dialog ACCOUNT = Dialog.builder("account")
            .window(Account.MAIN, w -> w
                    .text("Your account")
                    .add(Button.of("delete", "Delete my data", ctx -> start(CONFIRM, "Delete all your data?"))))
            .onResult(CONFIRM, Boolean.class, (ctx, yes) -> stay().reply(Boolean.TRUE.equals(yes) ? "Deleted." : "Kept."))
            .build();
    // --- end ---

    // --- README: cookbook, a paginated search ---
    static final Key<String> QUERY = Key.of("query", String.class);

    static final ScrollingGroup HITS = ScrollingGroup.builder("hits")
            .width(1)
            .height(3)
            .add(Select.builder("hit", ctx -> search(ctx.get(QUERY, "")))
                    .onClick((ctx, hit) -> done(hit).saying("You picked " + hit + "."))
                    .build())
            .build();

    static final Dialog SEARCH = Dialog.builder("search")
            .window(Find.QUERY, w -> w
                    .text("What are you looking for?")
                    .add(TextInput.text("q", (ctx, text) -> next().with(QUERY, text.strip()))))
            .window(Find.RESULTS, w -> w
                    .format("Results for {query}:")
                    .add(HITS)
                    .add(Pager.prevNext("pages", HITS))
                    .add(Nav.back("« Search again")))
            .build();

    static List<String> search(String query) {                  // your database, an API, ...
        return FRUITS.stream().filter(f -> f.toLowerCase().contains(query.toLowerCase())).toList();
    }
    // --- end ---

    static final List<String> FRUITS = List.of(
            "Apple", "Banana", "Cherry", "Grape", "Mango", "Nectarine", "Orange", "Papaya", "Pear", "Pineapple");
    // spotless:on

    @Test
    void theConfirmation_answersTheDialogThatAsked() {
        BotHarness harness =
                BotHarness.of(bot -> bot.dialogs(ACCOUNT, CONFIRM).command("account", (ctx, args) -> start(ACCOUNT)));
        FakeUser ann = harness.user(1001, "Ann");

        ann.send("/account");
        ann.click("Delete my data");
        assertThat(ann.lastMessage().text()).isEqualTo("Delete all your data?");
        assertThat(ann.buttons()).containsExactly("Yes", "No");
        ann.click("No");
        assertThat(ann.lastMessage().text()).isEqualTo("Kept.\nYour account");

        ann.click("Delete my data");
        ann.click("Yes");
        assertThat(ann.lastMessage().text()).isEqualTo("Deleted.\nYour account");
    }

    @Test
    void theSearch_pagesThroughItsHits_andEndsWithThePick() {
        BotHarness harness = BotHarness.of(bot -> bot.dialogs(SEARCH).command("search", (ctx, args) -> start(SEARCH)));
        FakeUser ann = harness.user(1001, "Ann");

        ann.send("/search");
        ann.send("a");
        assertThat(ann.lastMessage().text()).isEqualTo("Results for a:");
        assertThat(ann.buttons()).startsWith("Apple", "Banana", "Grape");

        ann.click("Next »");
        assertThat(ann.buttons()).startsWith("Mango", "Nectarine", "Orange");
        ann.click("Orange");

        assertThat(ann.lastMessage().text()).isEqualTo("You picked Orange.");
    }
}
