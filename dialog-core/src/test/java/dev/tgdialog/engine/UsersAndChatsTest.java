package dev.tgdialog.engine;

import static dev.tgdialog.engine.WizardDialogs.WIZARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.telegram.TelegramException;
import dev.tgdialog.telegram.types.Chat;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * What happens to stacks when a chat or a user changes under the bot: a user who blocks the bot, a user who asks
 * to be forgotten, a group upgraded to a supergroup.
 */
class UsersAndChatsTest {
    private final StackStore store = StackStore.inMemory(Duration.ofHours(1));

    private BotHarness harness() {
        return BotHarness.builder(bot -> bot.dialogs(WIZARD)
                        .command("start", (ctx, args) -> Transition.start(WIZARD, StartMode.RESET_STACK)))
                .store(store)
                .build();
    }

    private boolean hasStack(long chatId, long userId) {
        return store.load(StackKey.of(EngineTest.BOT, chatId, userId)).isPresent();
    }

    @Test
    void aUserWhoBlockedTheBot_losesTheirDialog_andBackgroundCallsToThemFailFast_untilTheyWriteAgain() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        assertThat(hasStack(1001, 1001)).isTrue();

        h.telegram().block(1001);
        ann.send("/start");

        assertThat(store.load(StackKey.of(EngineTest.BOT, 1001, 1001))
                        .orElseThrow()
                        .frames())
                .as("the dialogs of a user who blocked the bot")
                .isEmpty();
        int calls = h.telegram().calls().size();
        assertThatThrownBy(() -> h.bot().forUser(1001, 1001).start(WIZARD).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(TelegramException.Forbidden.class);
        assertThat(h.telegram().calls()).as("no call made for a blocked user").hasSize(calls);

        h.telegram().unblock(1001);
        ann.send("/start");
        assertThat(ann.lastMessage().text()).isEqualTo("Count: ");
        h.bot()
                .forUser(1001, 1001)
                .run(ctx -> Transition.stay().with(WizardDialogs.COUNT, 3))
                .join();
        assertThat(ann.lastMessage().text()).isEqualTo("Count: 3");
    }

    @Test
    void forgettingAUser_deletesEveryStackOfTheirs_inPrivateAndInGroups_andNobodyElses() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");
        FakeUser bob = h.user(1002, "Bob");
        ann.send("/start");
        ann.inGroup(-500).send("/start");
        bob.inGroup(-500).send("/start");

        int forgotten = h.bot().forgetUser(1001).join();

        assertThat(forgotten).isEqualTo(2);
        assertThat(hasStack(1001, 1001)).isFalse();
        assertThat(hasStack(-500, 1001)).isFalse();
        assertThat(hasStack(-500, 1002)).isTrue();
    }

    @Test
    void aGroupUpgradedToASupergroup_takesItsStacksAlong() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann").inGroup(-500);
        ann.send("/start");
        ann.click("+1");
        assertThat(hasStack(-500, 1001)).isTrue();

        User annUser = User.builder(1001, false, "Ann").build();
        Message upgraded = Message.builder(
                        77,
                        1767225600,
                        Chat.builder(-500, "group").title("Pizza").build())
                .from(annUser)
                .migrateToChatId(-1001500L)
                .build();
        h.deliver(Update.builder(9001).message(upgraded).build()).join();

        assertThat(hasStack(-500, 1001)).isFalse();
        assertThat(store.load(StackKey.of(EngineTest.BOT, -1001500, 1001))
                        .orElseThrow()
                        .top()
                        .orElseThrow()
                        .data())
                .containsEntry("count", "1");
    }

    @Test
    void aHandlerThatWritesToSomeoneWhoBlockedTheBot_doesNotCostTheSenderTheirDialogs() {
        BotHarness h = BotHarness.builder(bot -> bot.dialogs(WIZARD)
                        .command("start", (ctx, args) -> Transition.start(WIZARD, StartMode.RESET_STACK))
                        .command("relay", (ctx, args) -> {
                            ctx.telegram().execute(dev.tgdialog.telegram.methods.SendMessage.of(2002, "Hi from Ann"));
                            return Transition.stay();
                        }))
                .store(store)
                .build();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        h.telegram().block(2002);

        ann.send("/relay");

        assertThat(store.load(StackKey.of(EngineTest.BOT, 1001, 1001))
                        .orElseThrow()
                        .frames())
                .hasSize(1);
        h.bot()
                .forUser(1001, 1001)
                .run(ctx -> Transition.stay().with(WizardDialogs.COUNT, 2))
                .join();
        assertThat(ann.lastMessage().text()).isEqualTo("Count: 2");
    }

    @Test
    void aStoreThatCannotMoveStacks_leavesThemBehind_butTheMigrationUpdateIsAcknowledged() {
        StackStore plain = new StackStore() {
            @Override
            public java.util.Optional<dev.tgdialog.store.Stack> load(StackKey key) {
                return store.load(key);
            }

            @Override
            public boolean save(StackKey key, long expectedVersion, dev.tgdialog.store.Stack stack) {
                return store.save(key, expectedVersion, stack);
            }
        };
        BotHarness h = BotHarness.builder(bot -> bot.dialogs(WIZARD)
                        .command("start", (ctx, args) -> Transition.start(WIZARD, StartMode.RESET_STACK)))
                .store(plain)
                .build();
        Message upgraded = Message.builder(
                        77,
                        1767225600,
                        Chat.builder(-500, "group").title("Pizza").build())
                .from(User.builder(1001, false, "Ann").build())
                .migrateToChatId(-1001500L)
                .build();

        h.deliver(Update.builder(9002).message(upgraded).build()).join();
    }
}
