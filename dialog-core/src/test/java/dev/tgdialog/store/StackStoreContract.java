package dev.tgdialog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link StackStore} must have. An implementation's test extends this class and supplies a fresh,
 * empty store per test and a way to move its time forward; it ships in dialog-core's test jar (classifier
 * {@code tests}) so stores in other modules run the same suite.
 */
public abstract class StackStoreContract {

    /** A fresh, empty store whose stacks expire {@code ttl} after their last read or write. */
    protected abstract StackStore newStore(Duration ttl);

    /**
     * Moves the time of every store this test made forward by {@code by}, as if that much time had passed with no
     * reads or writes.
     */
    protected abstract void advanceTime(Duration by);

    /** A fresh, empty store for the tests that are not about expiry; its TTL is long enough never to matter. */
    protected StackStore newStore() {
        return newStore(Duration.ofDays(1));
    }

    /**
     * The TTL the expiry tests use. Ten minutes by default; a store whose {@link #advanceTime} really waits may
     * return something short (the tests move time by fractions and small multiples of it).
     */
    protected Duration expiryTtl() {
        return Duration.ofMinutes(10);
    }

    private static final StackKey KEY = new StackKey(111, -1002003004005L, 42, 7, "");

    private final List<ExecutorService> executors = new ArrayList<>();

    @AfterEach
    void stopExecutors() {
        executors.forEach(ExecutorService::shutdownNow);
    }

    // --- load and save -------------------------------------------------------------------------------------------

    @Test
    void load_ofAbsentKey_isEmpty() {
        StackStore store = newStore();

        assertThat(store.load(KEY)).isEmpty();
    }

    @Test
    void saveAtVersionZero_thenLoad_returnsAnEqualStack() {
        StackStore store = newStore();
        Stack stack = richStack(1);

        assertThat(store.save(KEY, 0, stack)).isTrue();

        Stack loaded = store.load(KEY).orElseThrow();
        assertThat(loaded).isEqualTo(stack);
        assertThat(loaded.frames()).containsExactlyElementsOf(stack.frames());
        assertThat(loaded.frames().get(1).data())
                .isEqualTo(stack.frames().get(1).data());
        assertThat(loaded.frames().get(1).widgetState())
                .isEqualTo(stack.frames().get(1).widgetState());
        assertThat(loaded.frames().get(1).spill())
                .isEqualTo(stack.frames().get(1).spill());
        assertThat(loaded.frames().get(0).startInput()).isNull();
        assertThat(loaded.frames().get(1).startInput()).isEqualTo("{\"from\":\"menu\"}");
        assertThat(loaded.lastMessage()).isEqualTo(new ShownMessage(9001, "photo", "a1b2c3"));
        assertThat(loaded.recentUpdateIds()).containsExactly(700L, 701L, 702L);
        assertThat(loaded.nextFrameId()).isEqualTo(3);
    }

    @Test
    void saveAtVersionZero_ofStackWithoutLastMessageOrFrames_loadsEqual() {
        StackStore store = newStore();
        Stack stack = new Stack("", List.of(), 1, null, List.of(), 0);

        assertThat(store.save(KEY, 0, stack)).isTrue();

        assertThat(store.load(KEY)).contains(stack);
    }

    @Test
    void saveAsync_isACompareAndSetToo() {
        StackStore store = newStore();
        Stack first = richStack(1);
        Stack second = withCounter(first, "n", 2);

        assertThat(store.saveAsync(KEY, 0, first).toCompletableFuture().join()).isTrue();
        assertThat(store.saveAsync(KEY, 0, withCounter(first, "late", 1))
                        .toCompletableFuture()
                        .join())
                .isFalse();
        assertThat(store.saveAsync(KEY, 1, second).toCompletableFuture().join()).isTrue();

        assertThat(store.load(KEY)).contains(second);
    }

    @Test
    void saveWithStaleExpectedVersion_returnsFalse_andLeavesStoredStackUnchanged() {
        StackStore store = newStore();
        Stack first = richStack(1);
        Stack second = withCounter(first, "n", 2);
        assertThat(store.save(KEY, 0, first)).isTrue();
        assertThat(store.save(KEY, 1, second)).isTrue();

        Stack lateWriter = withCounter(first, "late", 2);
        assertThat(store.save(KEY, 1, lateWriter)).isFalse();
        assertThat(store.save(KEY, 0, withCounter(Stack.empty(""), "fresh", 1))).isFalse();

        assertThat(store.load(KEY)).contains(second);
    }

    @Test
    void saveWithNonZeroExpectedVersion_ofAbsentKey_returnsFalse_andStoresNothing() {
        StackStore store = newStore();

        assertThat(store.save(KEY, 4, richStack(5))).isFalse();

        assertThat(store.load(KEY)).isEmpty();
    }

    @Test
    void secondSaveWithTheRightVersion_replacesTheStack() {
        StackStore store = newStore();
        Stack first = richStack(1);
        Stack second = new Stack("", List.of(frame("0", "menu", "MAIN", Map.of())), 2, null, List.of(703L), 1);
        store.save(KEY, 0, first);

        assertThat(store.save(KEY, 1, second)).isTrue();

        assertThat(store.load(KEY)).contains(second);
    }

    @Test
    void saveWhereStackVersionIsNotExpectedPlusOne_throwsIllegalArgument_andStoresNothing() {
        StackStore store = newStore();

        assertThatThrownBy(() -> store.save(KEY, 0, richStack(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.save(KEY, 0, richStack(2))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.load(KEY)).isEmpty();

        store.save(KEY, 0, richStack(1));
        assertThatThrownBy(() -> store.save(KEY, 1, richStack(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.save(KEY, 1, richStack(3))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.load(KEY)).contains(richStack(1));
    }

    @Test
    void keysDifferingInOnePart_areIndependent() {
        StackStore store = newStore();
        StackKey base = new StackKey(111, 222, 333, 444, "side");
        List<StackKey> keys = List.of(
                base,
                new StackKey(112, 222, 333, 444, "side"),
                new StackKey(111, 223, 333, 444, "side"),
                new StackKey(111, 222, 0, 444, "side"),
                new StackKey(111, 222, 334, 444, "side"),
                new StackKey(111, 222, 333, 0, "side"),
                new StackKey(111, 222, 333, 445, "side"),
                base.withStackId(""),
                base.withStackId("side2"));

        for (int i = 0; i < keys.size(); i++) {
            assertThat(store.save(keys.get(i), 0, tagged("key " + i, 1)))
                    .as("first save under %s", keys.get(i))
                    .isTrue();
        }
        assertThat(store.save(base, 1, tagged("key 0, again", 2))).isTrue();

        assertThat(store.load(base)).contains(tagged("key 0, again", 2));
        for (int i = 1; i < keys.size(); i++) {
            assertThat(store.load(keys.get(i)))
                    .as("stack under %s", keys.get(i))
                    .contains(tagged("key " + i, 1));
        }
    }

    @Test
    void concurrentCompareAndSet_twoThreadsOf500Increments_loseNoUpdate() throws Exception {
        StackStore store = newStore();
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        executors.add(pool);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> workers = new ArrayList<>();
        for (String writer : List.of("a", "b")) {
            workers.add(pool.submit(() -> {
                start.await();
                int retries = 0;
                for (int i = 0; i < perThread; i++) {
                    while (true) {
                        Stack current = store.load(KEY).orElse(Stack.empty(""));
                        Stack next = increment(current, writer);
                        if (store.save(KEY, current.version(), next)) {
                            break;
                        }
                        retries++;
                    }
                }
                return retries;
            }));
        }
        start.countDown();
        for (Future<Integer> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }

        Stack last = store.load(KEY).orElseThrow();
        assertThat(last.version()).isEqualTo(2 * perThread);
        assertThat(last.frames().get(0).data())
                .containsOnly(Map.entry("a", String.valueOf(perThread)), Map.entry("b", String.valueOf(perThread)));
    }

    // --- expiry --------------------------------------------------------------------------------------------------

    @Test
    void idleStack_expiresWholeAfterTheTtl() {
        Duration ttl = expiryTtl();
        StackStore store = newStore(ttl);
        store.save(KEY, 0, richStack(1));

        advanceTime(ttl.plus(ttl.dividedBy(2)));

        assertThat(store.load(KEY)).isEmpty();
    }

    @Test
    void expiredStack_startsOverAtVersionZero() {
        Duration ttl = expiryTtl();
        StackStore store = newStore(ttl);
        store.save(KEY, 0, richStack(1));
        advanceTime(ttl.plus(ttl.dividedBy(2)));

        assertThat(store.save(KEY, 1, richStack(2))).isFalse();
        assertThat(store.save(KEY, 0, richStack(1))).isTrue();

        assertThat(store.load(KEY)).contains(richStack(1));
    }

    @Test
    void stackReadWithinTheTtl_stays() {
        Duration ttl = expiryTtl();
        Duration mostOfTtl = ttl.multipliedBy(3).dividedBy(5);
        StackStore store = newStore(ttl);
        store.save(KEY, 0, richStack(1));

        for (int i = 0; i < 3; i++) {
            advanceTime(mostOfTtl);
            assertThat(store.load(KEY))
                    .as("read %d, %s after the one before", i, mostOfTtl)
                    .contains(richStack(1));
        }
        advanceTime(ttl.plus(ttl.dividedBy(2)));

        assertThat(store.load(KEY)).isEmpty();
    }

    @Test
    void stackWrittenWithinTheTtl_stays() {
        Duration ttl = expiryTtl();
        Duration mostOfTtl = ttl.multipliedBy(3).dividedBy(5);
        StackStore store = newStore(ttl);
        store.save(KEY, 0, richStack(1));

        for (int version = 2; version <= 4; version++) {
            advanceTime(mostOfTtl);
            assertThat(store.save(KEY, version - 1, richStack(version)))
                    .as("save of version %d", version)
                    .isTrue();
        }
        advanceTime(mostOfTtl);

        assertThat(store.load(KEY)).contains(richStack(4));
    }

    @Test
    void stackOfSeveralFrames_expiresAllAtOnce_neverFrameByFrame() {
        Duration ttl = expiryTtl();
        Duration half = ttl.dividedBy(2);
        StackStore store = newStore(ttl);
        Frame a = frame("0", "menu", "MAIN", Map.of("a", "1"));
        Frame b = frame("1", "order", "SIZE", Map.of("b", "2"));
        Frame c = frame("2", "pay", "CARD", Map.of("c", "3"));
        store.save(KEY, 0, new Stack("", List.of(a), 1, null, List.of(), 1));
        advanceTime(half);
        store.save(KEY, 1, new Stack("", List.of(a, b), 2, null, List.of(), 2));
        advanceTime(half);
        Stack all = new Stack("", List.of(a, b, c), 3, null, List.of(), 3);
        store.save(KEY, 2, all);

        // The first frame was opened 1.9 TTLs ago, the second 1.4: still there, since the stack was written.
        advanceTime(ttl.multipliedBy(9).dividedBy(10));
        assertThat(store.load(KEY)).contains(all);

        advanceTime(ttl.plus(half));
        assertThat(store.load(KEY)).isEmpty();
    }

    // --- forgetting a user ----------------------------------------------------------------------------------------

    private static final long BOT = 111;
    private static final long OTHER_BOT = 222;
    private static final long USER = 42;
    private static final long OTHER_USER = 4242;
    private static final long GROUP = -1002003004005L;

    @Test
    void forgetUser_deletesEveryStackOfTheUser_inTheirPrivateChatAndTheirOwnInGroups_andNothingElse() {
        StackStore store = newStore();
        List<StackKey> theirs = List.of(
                StackKey.of(BOT, USER, USER),
                new StackKey(BOT, USER, USER, 0, "side"),
                new StackKey(BOT, USER, USER, 9, "заказ/😀"),
                new StackKey(BOT, USER, 0, 0, ""),
                StackKey.of(BOT, GROUP, USER),
                new StackKey(BOT, -77, USER, 5, "x:1}:y"));
        List<StackKey> others = List.of(
                StackKey.of(BOT, OTHER_USER, OTHER_USER),
                StackKey.of(BOT, GROUP, OTHER_USER),
                StackKey.of(BOT, GROUP, 0),
                // Stack ids that spell the user's id where a careless pattern would look for it.
                new StackKey(BOT, GROUP, OTHER_USER, 0, "x:" + USER + "}:y"),
                new StackKey(BOT, -USER, OTHER_USER, 0, ""),
                new StackKey(BOT, GROUP, USER * 10 + 1, 0, ""),
                StackKey.of(OTHER_BOT, USER, USER),
                StackKey.of(OTHER_BOT, GROUP, USER));
        saveTagged(store, theirs);
        saveTagged(store, others);

        assertThat(store.forgetUser(BOT, USER)).isEqualTo(theirs.size());

        for (StackKey key : theirs) {
            assertThat(store.load(key)).as("forgotten stack under %s", key).isEmpty();
        }
        assertTagged(store, others);
        assertThat(store.forgetUser(BOT, USER)).as("a second call").isZero();
    }

    @Test
    void forgetUser_ofAUserWithoutStacks_removesNothing_andAForgottenUserStartsAfresh() {
        StackStore store = newStore();
        StackKey key = StackKey.of(BOT, USER, USER);
        store.save(key, 0, richStack(1));
        store.save(key, 1, richStack(2));

        assertThat(store.forgetUser(BOT, OTHER_USER)).isZero();
        assertThat(store.forgetUser(BOT, USER)).isEqualTo(1);

        assertThat(store.save(key, 2, richStack(3)))
                .as("a save on the forgotten version")
                .isFalse();
        assertThat(store.save(key, 0, richStack(1))).as("a fresh start").isTrue();
        assertThat(store.load(key)).contains(richStack(1));
    }

    // --- moving a chat (a group upgraded to a supergroup) ---------------------------------------------------------

    private static final long SUPERGROUP = -1009876543210L;

    @Test
    void moveChat_movesEveryStackOfTheChat_withUserThreadStackIdDataAndVersion_andNoLastMessage() {
        StackStore store = newStore();
        List<StackKey> moving = List.of(
                StackKey.of(BOT, GROUP, USER),
                new StackKey(BOT, GROUP, OTHER_USER, 3, "side"),
                new StackKey(BOT, GROUP, 0, 0, "x:" + GROUP + "}:y"));
        List<StackKey> others = List.of(
                StackKey.of(BOT, -1, USER),
                StackKey.of(BOT, USER, USER),
                StackKey.of(OTHER_BOT, GROUP, USER),
                new StackKey(BOT, GROUP * 10, USER, 0, ""));
        for (StackKey key : moving) {
            store.save(key, 0, richStack(1));
            store.save(key, 1, richStack(2));
        }
        saveTagged(store, others);

        assertThat(store.moveChat(BOT, GROUP, SUPERGROUP)).isEqualTo(moving.size());

        for (StackKey key : moving) {
            StackKey moved = new StackKey(BOT, SUPERGROUP, key.userId(), key.threadId(), key.stackId());
            assertThat(store.load(key)).as("old stack under %s", key).isEmpty();
            assertThat(store.load(moved))
                    .as("moved stack under %s", moved)
                    .contains(richStack(2).withoutLastMessage());
            assertThat(store.save(moved, 2, richStack(3)))
                    .as("the engine's next save under %s", moved)
                    .isTrue();
            assertThat(store.load(moved)).contains(richStack(3));
            assertThat(store.save(key, 2, richStack(3)))
                    .as("a late save under the old key %s", key)
                    .isFalse();
        }
        assertTagged(store, others);
    }

    @Test
    void moveChat_keepsAStackThatIsUnderTheNewKeyAlready_andDropsTheOldOne() {
        StackStore store = newStore();
        StackKey old = StackKey.of(BOT, GROUP, USER);
        StackKey taken = StackKey.of(BOT, SUPERGROUP, USER);
        StackKey free = StackKey.of(BOT, GROUP, OTHER_USER);
        store.save(old, 0, richStack(1));
        store.save(old, 1, richStack(2));
        store.save(free, 0, richStack(1));
        Stack newer = tagged("came first in the supergroup", 1);
        store.save(taken, 0, newer);

        assertThat(store.moveChat(BOT, GROUP, SUPERGROUP)).isEqualTo(1);

        assertThat(store.load(taken)).contains(newer);
        assertThat(store.load(old)).isEmpty();
        assertThat(store.load(StackKey.of(BOT, SUPERGROUP, OTHER_USER)))
                .contains(richStack(1).withoutLastMessage());
        assertThat(store.moveChat(BOT, GROUP, SUPERGROUP)).as("a second call").isZero();
    }

    // --- bot records ----------------------------------------------------------------------------------------------

    @Test
    void botRecord_isAbsentUntilSaved_thenTheLastSavedDocument_perBotAndName() {
        StackStore store = newStore();

        assertThat(store.loadBotRecord(111, "commands")).isEmpty();
        store.saveBotRecord(111, "commands", "[{\"scope\":\"ü\"}]");
        store.saveBotRecord(111, "commands", "[\"second\"]");
        store.saveBotRecord(222, "commands", "other bot");
        store.saveBotRecord(111, "menu", "other name");

        assertThat(store.loadBotRecord(111, "commands")).contains("[\"second\"]");
        assertThat(store.loadBotRecord(222, "commands")).contains("other bot");
        assertThat(store.loadBotRecord(111, "menu")).contains("other name");
    }

    @Test
    void botRecord_outlivesTheStackTtl_andForgetUserAndMoveChat() {
        StackStore store = newStore(expiryTtl());
        store.saveBotRecord(111, "commands", "published");

        advanceTime(expiryTtl().multipliedBy(2));
        store.forgetUser(111, 111);
        store.moveChat(111, 111, -5);

        assertThat(store.loadBotRecord(111, "commands")).contains("published");
    }

    // --- user records ---------------------------------------------------------------------------------------------

    @Test
    void userRecord_isAbsentUntilSaved_thenTheLastSavedDocument_perBotUserAndName_andNullDeletesIt() {
        StackStore store = newStore();

        assertThat(store.loadUserRecord(111, 7, "language")).isEmpty();
        store.saveUserRecord(111, 7, "language", "de -");
        store.saveUserRecord(111, 7, "language", "pt-BR ü");
        store.saveUserRecord(111, 8, "language", "other user");
        store.saveUserRecord(222, 7, "language", "other bot");
        store.saveUserRecord(111, 7, "timezone", "other name");

        assertThat(store.loadUserRecord(111, 7, "language")).contains("pt-BR ü");
        assertThat(store.loadUserRecord(111, 8, "language")).contains("other user");
        assertThat(store.loadUserRecord(222, 7, "language")).contains("other bot");
        assertThat(store.loadUserRecord(111, 7, "timezone")).contains("other name");

        store.saveUserRecord(111, 7, "language", null);
        assertThat(store.loadUserRecord(111, 7, "language")).isEmpty();
        assertThat(store.loadUserRecord(111, 7, "timezone")).contains("other name");
    }

    @Test
    void userRecord_outlivesTheStackTtl_andMoveChat_butForgetUserDeletesIt() {
        StackStore store = newStore(expiryTtl());
        store.saveUserRecord(111, 7, "language", "de -");
        store.saveUserRecord(111, 7, "value.muted", "true"); // a bot's own (DialogContext.saveUserValue)
        store.saveUserRecord(111, 8, "language", "fr -");
        store.save(StackKey.of(111, 7, 7), 0, richStack(1));

        advanceTime(expiryTtl().multipliedBy(2));
        store.moveChat(111, 7, -5);

        assertThat(store.load(StackKey.of(111, 7, 7))).as("the stack expired").isEmpty();
        assertThat(store.loadUserRecord(111, 7, "language")).contains("de -");

        store.forgetUser(111, 7);

        assertThat(store.loadUserRecord(111, 7, "language")).isEmpty();
        assertThat(store.loadUserRecord(111, 7, "value.muted")).isEmpty();
        assertThat(store.loadUserRecord(111, 8, "language"))
                .as("another user's")
                .contains("fr -");
    }

    // --- values --------------------------------------------------------------------------------------------------

    @Test
    void unicodeAndLongValues_survive() {
        StackStore store = newStore();
        String unicode =
                "Привет, 世界! 👋🏽 مرحبا \u00e9\u0301 \"quoted\" \\back\\slash\\ \n\t\u2028 {\"json\":[1,2]} \u0001";
        String tenKb = "ü€😀x".repeat(2048).substring(0, 10_240);
        StackKey key = new StackKey(1, 2, 3, 4, "заказ/😀");
        Frame frame = new Frame(
                "0",
                "диалог",
                "ОКНО_1",
                1,
                unicode,
                Map.of("long", tenKb, "ключ 🔑", unicode, "empty", ""),
                Map.of("input/текст", unicode),
                Map.of("~tok", tenKb));
        Stack stack = new Stack("заказ/😀", List.of(frame), 1, new ShownMessage(5, "text", unicode), List.of(1L), 1);

        assertThat(store.save(key, 0, stack)).isTrue();

        Stack loaded = store.load(key).orElseThrow();
        assertThat(loaded).isEqualTo(stack);
        assertThat(loaded.frames().get(0).data().get("long")).hasSize(10_240).isEqualTo(tenKb);
    }

    // --- fixtures ------------------------------------------------------------------------------------------------

    /** A stack with every field set: two frames, data, widget state, spill, start input, last message, updates. */
    protected static Stack richStack(long version) {
        Frame menu = new Frame("0", "menu", "MAIN", 1, null, Map.of(), Map.of(), Map.of());
        Frame order = new Frame(
                "2",
                "order",
                "ADDRESS",
                4,
                "{\"from\":\"menu\"}",
                Map.of("size", "\"M\"", "count", "3", "extras", "[\"cheese\",\"olives\"]"),
                Map.of("addr/text", "\"Main St 1\"", "day/page", "\"2026-02\""),
                Map.of("k7", "{\"id\":12345,\"label\":\"a long payload\"}"));
        return new Stack(
                "",
                List.of(menu, order),
                version,
                new ShownMessage(9001, "photo", "a1b2c3"),
                List.of(700L, 701L, 702L),
                3);
    }

    private static Frame frame(String id, String dialogId, String windowId, Map<String, String> data) {
        return new Frame(id, dialogId, windowId, 0, null, data, Map.of(), Map.of());
    }

    /** {@code stack} one version on, with the top frame's {@code name} set (a frame is added to an empty stack). */
    private static Stack withCounter(Stack stack, String name, long version) {
        List<Frame> frames = new ArrayList<>(stack.frames());
        Frame top = frames.isEmpty() ? frame("0", "d", "W", Map.of()) : frames.remove(frames.size() - 1);
        Map<String, String> data = new HashMap<>(top.data());
        data.put(name, String.valueOf(version));
        frames.add(new Frame(
                top.id(),
                top.dialogId(),
                top.windowId(),
                top.revision(),
                top.startInput(),
                data,
                top.widgetState(),
                top.spill()));
        return new Stack(
                stack.id(),
                frames,
                version,
                stack.lastMessage(),
                stack.recentUpdateIds(),
                Math.max(stack.nextFrameId(), 1));
    }

    /** A one-frame stack whose data says which it is. */
    private static Stack tagged(String tag, long version) {
        return new Stack("", List.of(frame("0", "d", "W", Map.of("tag", tag))), version, null, List.of(), 1);
    }

    /** Saves under each key a first stack that names its key. */
    private static void saveTagged(StackStore store, List<StackKey> keys) {
        for (StackKey key : keys) {
            assertThat(store.save(key, 0, tagged(key.asString(), 1)))
                    .as("first save under %s", key)
                    .isTrue();
        }
    }

    /** Checks that each key still holds the stack {@link #saveTagged} put there. */
    private static void assertTagged(StackStore store, List<StackKey> keys) {
        for (StackKey key : keys) {
            assertThat(store.load(key)).as("untouched stack under %s", key).contains(tagged(key.asString(), 1));
        }
    }

    /** The next version of {@code current}, with {@code writer}'s counter in the first frame's data one higher. */
    private static Stack increment(Stack current, String writer) {
        Frame frame = current.frames().isEmpty()
                ? frame("0", "counter", "MAIN", Map.of())
                : current.frames().get(0);
        Map<String, String> data = new HashMap<>(frame.data());
        long count = Long.parseLong(Optional.ofNullable(data.get(writer)).orElse("0"));
        data.put(writer, String.valueOf(count + 1));
        Frame next = new Frame(
                frame.id(), frame.dialogId(), frame.windowId(), frame.revision(), null, data, Map.of(), Map.of());
        return new Stack(current.id(), List.of(next), current.version() + 1, null, List.of(current.version()), 1);
    }
}
