// docs/cookbook.md shows this file's snippets as they are: the formatter leaves them alone.
// spotless:off
package example.cookbook;

import static dev.tgdialog.Transition.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Command;
import dev.tgdialog.Dialog;
import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.i18n.TextBundle;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.widgets.*;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The recipes of docs/cookbook.md, compiled and run. */
class CookbookTest {
    enum Ask implements WindowId { QUESTION }
    enum Account implements WindowId { MAIN }
    enum Find implements WindowId { QUERY, RESULTS }
    enum Prefs implements WindowId { MAIN }
    enum Menu implements WindowId { MAIN }

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

    // --- README: cookbook, a settings dialog ---
    static final TextBundle TEXTS = TextBundle.of("cookbook.settings").translatedTo("de");  // cookbook/settings_en, _de

    static final Key<Boolean> MUTED = Key.of("muted", Boolean.class);   // kept per user: ctx.userValue

    static boolean notifications(DialogContext ctx) {           // on until they turn them off
        return !ctx.userValue(MUTED).orElse(false);
    }

    static final Dialog SETTINGS = Dialog.builder("settings")
            .window(Prefs.MAIN, w -> w
                    .text(ctx -> TEXTS.format(ctx, "settings"))
                    .add(Row.of(language("en", Locale.ENGLISH, "English"), language("de", Locale.GERMAN, "Deutsch")))
                    .add(Button.of("notify",
                            ctx -> TEXTS.format(ctx, notifications(ctx) ? "notify.on" : "notify.off"),
                            ctx -> {
                                ctx.saveUserValue(MUTED, notifications(ctx) ? true : null);
                                return stay();                  // the window redraws, the button's label with it
                            }))
                    .add(Button.of("done", ctx -> TEXTS.format(ctx, "done"),
                            ctx -> done().saying(TEXTS.format(ctx, "saved")))))   // shown if nothing was open
            .build();

    static Button language(String id, Locale language, String name) {
        return Button.of(id,
                ctx -> (TEXTS.locale(ctx).getLanguage().equals(language.getLanguage()) ? "✓ " : "") + name,
                ctx -> {
                    ctx.pickLanguage(language);                 // kept per user: every dialog, chat and push
                    return stay();
                });
    }

    static final Dialog MENU = Dialog.builder("menu")
            .window(Menu.MAIN, w -> w.text(ctx -> TEXTS.format(ctx, "menu")))
            .build();
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

    @Test
    void theSettings_changeLanguageAndNotifications_keepThem_andDoneRedrawsWhatWasOpen() {
        BotHarness harness = BotHarness.of(bot -> bot.dialogs(MENU)
                .command("start", (ctx, args) -> start(MENU, StartMode.RESET_STACK))
                .settings(Command.of("settings", "Language and notifications"), SETTINGS));
        FakeUser ann = harness.user(1001, "Ann", "en");

        ann.send("/start");
        ann.send("/settings");
        assertThat(ann.lastMessage().text()).isEqualTo("Your settings");
        assertThat(ann.buttons()).containsExactly("✓ English", "Deutsch", "Notifications: on", "Done");
        ann.click("Notifications: on");
        ann.click("Deutsch");
        assertThat(ann.lastMessage().text()).isEqualTo("Deine Einstellungen");
        assertThat(ann.buttons()).containsExactly("English", "✓ Deutsch", "Benachrichtigungen: aus", "Fertig");

        ann.click("Fertig");
        assertThat(ann.lastMessage().text()).isEqualTo("Was möchtest du tun?"); // the menu, redrawn in German
        int shown = ann.messages().size();
        pushOrderReady(harness);
        assertThat(ann.messages()).hasSize(shown);

        ann.send("/settings"); // a new settings dialog: both choices are still there
        assertThat(ann.buttons()).containsExactly("English", "✓ Deutsch", "Benachrichtigungen: aus", "Fertig");
        ann.click("Fertig");

        harness.bot().forgetUser(1001).join(); // a privacy request takes the records too
        ann.send("/settings");
        assertThat(ann.buttons()).containsExactly("✓ English", "Deutsch", "Notifications: on", "Done");
        pushOrderReady(harness);
        assertThat(ann.messages()).extracting(FakeMessage::text).contains("Your order is ready.");
    }

    /** A push to Ann from outside an update, which asks her notification setting before it sends. */
    private static void pushOrderReady(BotHarness harness) {
        harness.bot()
                .forUser(1001, 1001)
                .run(ctx -> {
                    if (notifications(ctx)) {
                        ctx.send("Your order is ready.");
                    }
                    return stay();
                })
                .join();
    }

    @Test
    void theSettings_openedWithNothingOpen_sayTheyAreSaved() {
        BotHarness harness =
                BotHarness.of(bot -> bot.settings(Command.of("settings", "Language and notifications"), SETTINGS));
        FakeUser bob = harness.user(1002, "Bob", "de");

        bob.send("/settings");
        assertThat(bob.buttons()).containsExactly("English", "✓ Deutsch", "Benachrichtigungen: an", "Fertig");
        bob.click("Fertig");

        assertThat(bob.lastMessage().text()).isEqualTo("Einstellungen gespeichert.");
        assertThat(bob.lastMessage().inlineKeyboard()).isEmpty();
    }
}
