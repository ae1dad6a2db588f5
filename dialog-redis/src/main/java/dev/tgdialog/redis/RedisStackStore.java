package dev.tgdialog.redis;

import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackCodec;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.store.StackStoreException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ScanIteration;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.SetParams;

/**
 * A {@link StackStore} in Redis: one string key per stack whose value is the {@link StackCodec} JSON document, so
 * an update costs one read and one write and the time-to-live applies to the whole stack at once (a parent dialog
 * never expires under a living child).
 *
 * <ul>
 *   <li>{@link #load} is one {@code GETEX ... PX ttl}: a read keeps the stack alive, like a write. (In a
 *       {@link RedisDialogs} pair the lock script does this read while it takes the lock, and the engine's load
 *       costs no round trip of its own.)
 *   <li>{@link #save} is one Lua script (one round trip, atomic): it reads the stored document's {@code "version"},
 *       and only if it is the expected one replaces the document with {@code SET ... PX ttl}. The document is
 *       written whole by one command, so a half-written stack cannot happen.
 *   <li>Keys: {@code <prefix>stack:{bot:chat:user}:thread:stackId}; the braces are a Cluster hash tag, so a stack
 *       and the lock of {@link RedisUpdateIsolation} share a slot.
 *   <li>A document of an older codec format goes through the {@link StackMigration} on load and is written back.
 *   <li>{@link #forgetUser} and {@link #moveChat} are blocking calls for operators: they find keys with
 *       {@code SCAN ... MATCH} (never {@code KEYS}) and cost a walk over the whole database.
 * </ul>
 *
 * Any Redis failure is thrown as a {@link StackStoreException}; one of a load or save is also logged at WARN, and the
 * engine then leaves the update unconfirmed, so Telegram delivers it again. Works with every {@link UnifiedJedis} ({@code JedisPooled},
 * Sentinel, Cluster); the caller owns the client and closes it. Thread-safe.
 */
public final class RedisStackStore implements StackStore {
    private static final Logger log = LoggerFactory.getLogger(RedisStackStore.class);

    /**
     * Lua that sets {@code version} to the version of the stack stored under KEYS[1] (0: absent), or answers an
     * error for a document without one. A format-1 document starts {@code {"v":1,"id":"…","version":N}, and a quote
     * inside a JSON string is always escaped, so the first {@code ,"version":} is the stack's own: found by a
     * pattern, not by decoding the whole document in Lua (which cost redis-server more than the rest of the
     * script). Other documents are decoded.
     */
    private static final String STORED_VERSION = """
            local current = redis.call('GET', KEYS[1])
            local version = 0
            if current then
              local fast = nil
              if string.sub(current, 1, 7) == '{"v":1,' then
                fast = string.match(current, ',"version":(%d+)')
              end
              if fast then
                version = tonumber(fast)
              else
                local ok, doc = pcall(cjson.decode, current)
                if not ok or type(doc) ~= 'table' or type(doc['version']) ~= 'number' then
                  return redis.error_reply('ERR stored stack ' .. KEYS[1] .. ' has no numeric "version"')
                end
                version = doc['version']
              end
            end
            """;

    /**
     * KEYS[1] the stack; ARGV[1] the expected version (0: absent), ARGV[2] the new document, ARGV[3] the TTL in ms.
     * Returns 1 when written, 0 when the stored version differs.
     */
    private static final LuaScript SAVE = new LuaScript(STORED_VERSION + """
            if version ~= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """);

    /**
     * {@link #SAVE}, then the lock's compare-and-delete, in one step: KEYS[2] the lock, ARGV[4] the holder's token.
     * The lock goes whether or not the write was refused: the task that held it is at its end either way.
     */
    private static final LuaScript SAVE_AND_RELEASE = new LuaScript(STORED_VERSION + """
            local written = 0
            if version == tonumber(ARGV[1]) then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
              written = 1
            end
            if redis.call('GET', KEYS[2]) == ARGV[4] then
              redis.call('DEL', KEYS[2])
            end
            return written
            """, (redis, keys, args, sent) -> {
        sent.increment();
        Object written = SAVE.run(redis, List.of(keys.get(0)), args.subList(0, 3), sent);
        sent.increment();
        RedisStackStore.DELETE_IF_UNCHANGED.run(redis, List.of(keys.get(1)), List.of(args.get(3)), sent);
        return written;
    });

    /** KEYS[1] the stack; ARGV[1] the text read, ARGV[2] its migration, ARGV[3] the TTL in ms. */
    private static final LuaScript REPLACE_IF_UNCHANGED = new LuaScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
              return 1
            end
            return 0
            """);

    /** KEYS[1] a key; ARGV[1] the value read. Deletes the key only if it still holds that value. */
    private static final LuaScript DELETE_IF_UNCHANGED = new LuaScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """);

    /** Keys a SCAN step looks at: big enough for few round trips, small enough to keep each step short. */
    private static final int SCAN_COUNT = 1000;
    /** How often a stack saved again and again while it is moved is copied before the move takes what it has. */
    private static final int MOVE_ATTEMPTS = 5;

    private final RedisCalls redis;
    /** The client, for the blocking calls of {@link #forgetUser} and {@link #moveChat}. */
    private final UnifiedJedis jedis;

    private final String prefix;
    private final long ttlMillis;
    /** {@link #ttlMillis} as a script argument, encoded once. */
    private final byte[] ttlArg;

    private final StackMigration migration;
    private final @Nullable LockedReads lockedReads;
    private final UserRecordReads userReads;
    /** Stacks by Redis key, each with the exact document it was read from or written as; null when turned off. */
    private final @Nullable DecodedStacks decoded;

    /**
     * KEYS[1] a private chat's stack, KEYS[2] a record of its user (same hash tag); ARGV[1] the stack's TTL in ms.
     * Reads both in one step, the stack as {@link #load}'s {@code GETEX ... PX ttl} does: {@code {stack, record}},
     * each nil when absent.
     */
    private static final LuaScript LOAD_WITH_RECORD = new LuaScript("""
            local document = redis.call('GETEX', KEYS[1], 'PX', ARGV[1])
            return {document, redis.call('GET', KEYS[2])}
            """, (redis, keys, args, sent) -> {
        sent.add(2);
        byte[] document = redis.getEx(
                keys.get(0),
                GetExParams.getExParams().px(Long.parseLong(new String(args.get(0), StandardCharsets.US_ASCII))));
        return java.util.Arrays.asList(document, redis.get(keys.get(1)));
    });

    private RedisStackStore(Builder b) {
        this.redis = b.calls();
        this.jedis = b.redis;
        this.prefix = b.prefix;
        this.ttlMillis = b.ttl.toMillis();
        this.ttlArg = RedisCalls.bytes(Long.toString(ttlMillis));
        this.migration = b.migration;
        this.lockedReads = b.lockedReads;
        this.userReads = b.userReads != null ? b.userReads : new UserRecordReads();
        this.decoded = b.decodedStacks == 0 ? null : new DecodedStacks(b.decodedStacks);
    }

    /** The time-to-live of stacks, in milliseconds (the lock script of a {@link RedisDialogs} pair refreshes it). */
    long ttlMillis() {
        return ttlMillis;
    }

    /** A store on {@code redis} whose stacks expire {@code ttl} after their last read or write. */
    public static RedisStackStore of(UnifiedJedis redis, Duration ttl) {
        return builder(redis).ttl(ttl).build();
    }

    /** Starts a store on {@code redis}, with the defaults: prefix {@code "tgdialog:"}, TTL 7 days, no migration. */
    public static Builder builder(UnifiedJedis redis) {
        return new Builder(redis);
    }

    /** The Redis key this store keeps {@code key}'s stack under (for operators and tests). */
    public String redisKey(StackKey key) {
        return RedisKeys.stack(prefix, key);
    }

    @Override
    public Optional<Stack> load(StackKey key) {
        LockedReads.Read locked = lockedReads == null ? null : lockedReads.take(key);
        String redisKey = locked != null ? locked.stackKey : redisKey(key);
        userReads.offer(null);
        byte[] stored;
        if (locked != null) {
            stored = locked.document;
            if (locked.recordKey != null) {
                userReads.offer(new UserRecordReads.Read(locked.recordKey, text(locked.record)));
            }
        } else {
            String recordKey = recordKey(prefix, userReads, key);
            try {
                if (recordKey == null) {
                    stored = RedisCalls.await(redis.getEx(redisKey, ttlMillis));
                } else {
                    List<?> both = (List<?>) Objects.requireNonNull(RedisCalls.await(
                            redis.script(LOAD_WITH_RECORD, List.of(redisKey, recordKey), List.of(ttlArg))));
                    stored = both.get(0) == null ? null : RedisCalls.bytes(both.get(0));
                    Object record = both.get(1);
                    userReads.offer(new UserRecordReads.Read(
                            recordKey, text(record == null ? null : RedisCalls.bytes(record))));
                }
            } catch (JedisException e) {
                throw failure("load", redisKey, e);
            }
        }
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(decode(redisKey, stored));
    }

    /**
     * The stack stored as {@code stored} under {@code redisKey}: the one kept for that key when its document is
     * {@code stored}, else decoded (and migrated and written back when of an older format) and kept.
     */
    private Stack decode(String redisKey, byte[] stored) {
        DecodedStacks kept = decoded;
        if (kept == null) {
            return decodeStored(redisKey, stored);
        }
        Stack last = kept.get(redisKey, stored);
        if (last != null) {
            return last;
        }
        Stack stack = decodeStored(redisKey, stored);
        kept.put(redisKey, stored, stack);
        return stack;
    }

    private Stack decodeStored(String redisKey, byte[] stored) {
        try {
            return StackCodec.decode(stored);
        } catch (StackStoreException e) {
            String text = new String(stored, StandardCharsets.UTF_8);
            // Only now is the format looked at (a second parse), since nearly every document is of this one. For text
            // that is no document, formatOf throws the same error that decode did.
            int format = StackCodec.formatOf(text);
            if (format == StackCodec.FORMAT_VERSION) {
                throw e;
            }
            return StackCodec.decode(migrate(redisKey, format, stored, text));
        }
    }

    @Override
    public boolean save(StackKey key, long expectedVersion, Stack stack) {
        return RedisCalls.await(saveAsync(key, expectedVersion, stack));
    }

    /**
     * {@link #save} as one script whose reply completes the stage: with a pipelined client no thread waits for it.
     * Fails with a {@link StackStoreException} when Redis cannot be reached.
     */
    @Override
    public java.util.concurrent.CompletableFuture<Boolean> saveAsync(StackKey key, long expectedVersion, Stack stack) {
        if (stack.version() != expectedVersion + 1) {
            throw new IllegalArgumentException(
                    "a saved stack's version must be " + (expectedVersion + 1) + ", was " + stack.version());
        }
        if (lockedReads != null) {
            lockedReads.forget(key);
        }
        LockedReads.Read lock = lockedReads == null ? null : lockedReads.lockOf(key);
        String redisKey = lock != null ? lock.stackKey : redisKey(key);
        byte[] document = StackCodec.encodeUtf8(stack);
        java.util.concurrent.CompletableFuture<@Nullable Object> written;
        try {
            written = lock != null
                    ? redis.script(
                            SAVE_AND_RELEASE,
                            List.of(lock.stackKeyBytes, lock.lockKeyBytes),
                            List.of(Long.toString(expectedVersion), document, ttlArg, lock.tokenBytes))
                    : redis.script(SAVE, List.of(redisKey), List.of(Long.toString(expectedVersion), document, ttlArg));
        } catch (JedisException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(failure("save", redisKey, e));
        }
        return written.handle((reply, error) -> {
            Throwable cause = error instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause()
                    : error;
            if (cause instanceof JedisException e) {
                throw failure("save", redisKey, e);
            } else if (cause != null) {
                throw new java.util.concurrent.CompletionException(cause);
            }
            if (lock != null) {
                lock.released = true;
            }
            boolean saved = Long.valueOf(1).equals(reply);
            DecodedStacks kept = decoded;
            if (kept != null) {
                if (saved) {
                    kept.put(redisKey, document, stack);
                } else {
                    kept.forget(redisKey);
                }
            }
            return saved;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: two {@code SCAN ... MATCH} passes over the database (never {@code KEYS}), one for the keys of the
     * user's private chat ({@code <prefix>*:{bot:user:*}...}) and one for their own keys in groups
     * ({@code <prefix>*:{bot:*:user}:*}), 1,000 keys a step: the cost grows with the whole database, not with what
     * the user holds, and Redis serves other clients between steps. Each key found is checked exactly, then
     * deleted: their stacks (counted), their locks and their user records (the first pass finds those, which share
     * the private chat's hash tag; redelivery is recognised from the stack itself). An update of theirs holding such a lock meanwhile keeps running, and its
     * save is still a compare-and-set. On Cluster the scan visits every node the client knows; every other command
     * names one key.
     */
    @Override
    public int forgetUser(long botId, long userId) {
        List<String> found;
        try {
            found = scan(List.of(
                    RedisKeys.pattern(prefix, "*", botId + ":" + userId + ":", "*"),
                    RedisKeys.pattern(prefix, "*", botId + ":", "*:" + userId + "}:*")));
        } catch (JedisException e) {
            throw failed("scan for the stacks of user " + userId, e);
        }
        List<String> stacks = new ArrayList<>();
        List<String> locks = new ArrayList<>();
        List<String> records = new ArrayList<>();
        String recordsOfUser = RedisKeys.userRecords(prefix, botId, userId);
        for (String redisKey : found) {
            if (redisKey.startsWith(recordsOfUser)) {
                records.add(redisKey);
                continue;
            }
            RedisKeys.Parsed parsed = RedisKeys.parse(prefix, redisKey);
            if (parsed != null
                    && parsed.key().botId() == botId
                    && (parsed.key().chatId() == userId || parsed.key().userId() == userId)) {
                (parsed.kind().equals("stack") ? stacks : locks).add(redisKey);
            }
        }
        int deleted = 0;
        String current = "";
        try {
            for (String redisKey : stacks) {
                current = redisKey;
                deleted += (int) jedis.del(redisKey);
                forgetDecoded(redisKey);
            }
            for (String redisKey : locks) {
                current = redisKey;
                jedis.del(redisKey);
            }
            for (String redisKey : records) {
                current = redisKey;
                jedis.del(redisKey);
            }
        } catch (JedisException e) {
            throw failed("delete " + current + " (user " + userId + ")", e);
        }
        log.info(
                "Forgot user {} of bot {}: {} stacks, {} locks and {} user records deleted",
                userId,
                botId,
                deleted,
                locks.size(),
                records.size());
        return deleted;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: one {@code SCAN ... MATCH <prefix>stack:{bot:from:*}...} pass over the database (never {@code KEYS}; its
     * cost grows with the whole database), then per stack: {@code GET} the old document, {@code SET ... NX PX ttl}
     * it under the new key (a new full time-to-live; {@code NX} keeps a stack that is there already), and a
     * compare-and-delete of the old key. Old and new key differ in their hash tag, so they may live on different
     * Cluster slots: no step names both, so it runs on Cluster too (the scan visits every node the client knows),
     * at the price of not being one atomic step. A save under the old key between the copy and the delete is not
     * lost: the delete finds the document changed, and the stack is copied again over the earlier copy (only if
     * that is still unchanged; after five copies the last one stands). A document that cannot be read is left to
     * expire, with a WARN line; so are the old chat's locks, which hold no state and end with their lease.
     */
    @Override
    public int moveChat(long botId, long fromChatId, long toChatId) {
        List<String> found;
        try {
            found = scan(List.of(RedisKeys.pattern(prefix, "stack", botId + ":" + fromChatId + ":", "*")));
        } catch (JedisException e) {
            throw failed("scan for the stacks of chat " + fromChatId, e);
        }
        int moved = 0;
        for (String redisKey : found) {
            RedisKeys.Parsed parsed = RedisKeys.parse(prefix, redisKey);
            if (parsed == null
                    || !parsed.kind().equals("stack")
                    || parsed.key().botId() != botId
                    || parsed.key().chatId() != fromChatId) {
                continue;
            }
            StackKey from = parsed.key();
            StackKey to = new StackKey(botId, toChatId, from.userId(), from.threadId(), from.stackId());
            try {
                if (moveOne(redisKey, redisKey(to))) {
                    moved++;
                }
            } catch (JedisException e) {
                throw failed("move " + redisKey + " to " + redisKey(to), e);
            } catch (StackStoreException e) {
                if (e.getCause() instanceof JedisException) {
                    throw e;
                }
                log.warn("Stack {} not moved to chat {}: {}; it is left to expire", redisKey, toChatId, e.getMessage());
            }
        }
        log.info("Moved {} stacks of bot {} from chat {} to chat {}", moved, botId, fromChatId, toChatId);
        return moved;
    }

    /**
     * Moves the stack under {@code oldKey} to {@code newKey}, unless one is there already (then the old one is only
     * deleted); true when moved.
     */
    private boolean moveOne(String oldKey, String newKey) {
        forgetDecoded(oldKey);
        byte[] oldBytes = RedisCalls.bytes(oldKey);
        byte @Nullable [] copied = null;
        for (int attempt = 1; ; attempt++) {
            byte[] stored = jedis.get(oldBytes);
            if (stored == null) {
                return copied != null;
            }
            byte[] document = StackCodec.encodeUtf8(decode(oldKey, stored).withoutLastMessage());
            if (copied == null) {
                if (!"OK"
                        .equals(jedis.set(
                                RedisCalls.bytes(newKey),
                                document,
                                SetParams.setParams().nx().px(ttlMillis)))) {
                    jedis.del(oldBytes);
                    log.warn(
                            "Stack {} not moved to {}: a stack is stored there already; it is kept, the old one "
                                    + "dropped",
                            oldKey,
                            newKey);
                    return false;
                }
            } else if (!Long.valueOf(1)
                    .equals(RedisCalls.await(
                            redis.script(REPLACE_IF_UNCHANGED, List.of(newKey), List.of(copied, document, ttlArg))))) {
                // The engine saved under the new key since our copy: that stack went on from the copy, and the
                // old one is history.
                jedis.del(oldBytes);
                return true;
            }
            copied = document;
            if (Long.valueOf(1)
                    .equals(RedisCalls.await(redis.script(DELETE_IF_UNCHANGED, List.of(oldKey), List.of(stored))))) {
                return true;
            }
            if (attempt == MOVE_ATTEMPTS) {
                jedis.del(oldBytes);
                log.warn(
                        "Stack {} was saved again during each of {} copies to {}; moved as of the last copy, the "
                                + "save after it is lost",
                        oldKey,
                        MOVE_ATTEMPTS,
                        newKey);
                return true;
            }
        }
    }

    /** The keys matching any of {@code patterns}, each once (a Cluster replica may list a key its master did). */
    private List<String> scan(List<String> patterns) {
        Set<String> keys = new LinkedHashSet<>();
        for (String pattern : patterns) {
            ScanIteration scan = jedis.scanIteration(SCAN_COUNT, pattern);
            while (!scan.isIterationCompleted()) {
                keys.addAll(scan.nextBatch().getResult());
            }
        }
        return List.copyOf(keys);
    }

    /** Migrates {@code text}, the document stored as {@code stored}, and writes it back if it is still stored. */
    private String migrate(String redisKey, int format, byte[] stored, String text) {
        String migrated;
        try {
            migrated = migration.migrate(format, text);
        } catch (StackStoreException e) {
            throw e;
        } catch (Exception e) {
            throw new StackStoreException(
                    "the stack under " + redisKey + " (format " + format + ") could not be migrated: " + e.getMessage(),
                    e);
        }
        int now = StackCodec.formatOf(Objects.requireNonNull(migrated, "the migration returned null"));
        if (now != StackCodec.FORMAT_VERSION) {
            throw new StackStoreException("the stack under " + redisKey + " is of format " + format
                    + " and the migration left it at format " + now + ", not " + StackCodec.FORMAT_VERSION);
        }
        StackCodec.decode(migrated);
        try {
            Object replaced = RedisCalls.await(
                    redis.script(REPLACE_IF_UNCHANGED, List.of(redisKey), List.of(stored, migrated, ttlArg)));
            log.info(
                    "Stack {} migrated from format {} to {}{}",
                    redisKey,
                    format,
                    StackCodec.FORMAT_VERSION,
                    Long.valueOf(1).equals(replaced) ? "" : " (it changed meanwhile; not written back)");
        } catch (JedisException e) {
            throw failure("write back the migrated stack", redisKey, e);
        }
        return migrated;
    }

    /** One {@code GET} of {@code <prefix>bot:{bot}:name}; bot records have no time-to-live. */
    @Override
    public Optional<String> loadBotRecord(long botId, String name) {
        try {
            return Optional.ofNullable(jedis.get(RedisKeys.botRecord(prefix, botId, name)));
        } catch (JedisException e) {
            throw failed("load bot record " + name, e);
        }
    }

    /** One {@code SET} of {@code <prefix>bot:{bot}:name}, with no time-to-live. */
    @Override
    public void saveBotRecord(long botId, String name, String document) {
        try {
            jedis.set(RedisKeys.botRecord(prefix, botId, name), document);
        } catch (JedisException e) {
            throw failed("save bot record " + name, e);
        }
    }

    /**
     * The user record {@code <prefix>user:{bot:user:user}:name}, which has no time-to-live. Once the record
     * {@code "language"} was asked for, every load of a private chat's stack reads it in the same round trip (the
     * pair's lock script, or a script of two reads), and this takes that read when it is of the stack this thread
     * loaded last; any other record, or the language of another chat's user, is one {@code GET}.
     */
    @Override
    public Optional<String> loadUserRecord(long botId, long userId, String name) {
        userReads.asked(name);
        String redisKey = RedisKeys.userRecord(prefix, botId, userId, name);
        UserRecordReads.Read read = userReads.take(redisKey);
        if (read != null) {
            return Optional.ofNullable(read.document());
        }
        try {
            return Optional.ofNullable(jedis.get(redisKey));
        } catch (JedisException e) {
            throw failed("load user record " + name + " of user " + userId, e);
        }
    }

    /** Drops what this process keeps of a stack that is deleted (a forgotten user's stays in no cache). */
    private void forgetDecoded(String redisKey) {
        if (decoded != null) {
            decoded.forget(redisKey);
        }
    }

    /** One {@code SET} (no time-to-live) or, for null, one {@code DEL} of {@code <prefix>user:{bot:user:user}:name}. */
    @Override
    public void saveUserRecord(long botId, long userId, String name, @Nullable String document) {
        userReads.offer(null);
        String redisKey = RedisKeys.userRecord(prefix, botId, userId, name);
        try {
            if (document == null) {
                jedis.del(redisKey);
            } else {
                jedis.set(redisKey, document);
            }
        } catch (JedisException e) {
            throw failed("save user record " + name + " of user " + userId, e);
        }
    }

    /**
     * The key of the user record to read with {@code key}'s stack: for a stack of a private chat ({@code chatId ==
     * userId}, whose hash tag the user's records share) once a record was asked for; else null.
     */
    static @Nullable String recordKey(String prefix, UserRecordReads userReads, StackKey key) {
        String name = userReads.name();
        return name == null || key.chatId() != key.userId()
                ? null
                : RedisKeys.userRecord(prefix, key.botId(), key.userId(), name);
    }

    private static @Nullable String text(byte @Nullable [] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** A failure of a call made for an operator (no update waits for it), passed on to that caller. */
    private static StackStoreException failed(String what, JedisException e) {
        return new StackStoreException("Redis could not " + what + ": " + e.getMessage(), e);
    }

    private static StackStoreException failure(String what, String redisKey, JedisException e) {
        String message = "Redis could not " + what + " " + redisKey + ": " + e.getMessage();
        // DEBUG: the engine says once per outage that the store is down, not once per update.
        log.debug("{}; the update will be delivered again", message);
        return new StackStoreException(message, e);
    }

    /** Settings of a {@link RedisStackStore}. */
    public static final class Builder extends RedisBuilder<Builder> {
        private Duration ttl = Duration.ofDays(7);
        private StackMigration migration = StackMigration.none();
        private @Nullable LockedReads lockedReads;
        private @Nullable UserRecordReads userReads;
        private int decodedStacks = 4096;

        private Builder(UnifiedJedis redis) {
            super(redis);
        }

        /** Rewrites documents of older codec formats on load (none by default: they fail to load). */
        public Builder migration(StackMigration migration) {
            this.migration = Objects.requireNonNull(migration, "migration");
            return this;
        }

        /** How long a stack lives after its last read or write (7 days by default); at least a millisecond. */
        public Builder ttl(Duration ttl) {
            this.ttl = atLeast(ttl, 1, "the time-to-live");
            return this;
        }

        /**
         * How many stacks this process keeps decoded beside their documents, at most (4,096 by default, rounded up
         * to a power of two; 0 keeps none), so that a user's next update skips decoding the document it left. A
         * stack kept costs about a kilobyte of heap; the most recent users' are kept, not all of them.
         */
        public Builder decodedStacks(int maximum) {
            if (maximum < 0) {
                throw new IllegalArgumentException(
                        "the number of decoded stacks kept must be 0 or more, was " + maximum);
            }
            this.decodedStacks = maximum;
            return this;
        }

        /** Takes the documents the lock script of a {@link RedisDialogs} pair read (package-private wiring). */
        Builder lockedReads(LockedReads lockedReads, UserRecordReads userReads) {
            this.lockedReads = lockedReads;
            this.userReads = userReads;
            return this;
        }

        public RedisStackStore build() {
            return new RedisStackStore(this);
        }
    }
}
