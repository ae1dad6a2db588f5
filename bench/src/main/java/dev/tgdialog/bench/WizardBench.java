package dev.tgdialog.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.redis.RedisDialogs;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.updates.WebhookHandler;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The wizard benchmark of shared/bench/SCENARIO.md for tgdialog: closed-loop simulated users drive the scenario's
 * five steps through the real engine, the real client (stub=http) and updates entering as JSON (through the
 * webhook handler); it prints one JSON line per configuration.
 *
 * <p>Arguments: {@code --users 1000,10000 --modes seq,rr,conc --warmup 20000 --concurrency 100 --stores memory
 * --reps 3}; each configuration runs a warm-up of {@code --warmup} other users in its own mode and store, then
 * reps measured runs in this JVM, and prints its median run, with every run's figure.
 * {@code --stores memory,redis} adds the runs on Redis ({@code REDIS_URL}, else a redis-server started for the run):
 * the bot then has a {@link RedisDialogs} pair (store and isolation, on the bot's executor), and
 * {@code store_commands_per_update} is the commands the pair sent ({@link RedisDialogs#commandsSent}) per update,
 * every command once, also when a pipelined write carried it with others; {@code store_round_trips_per_update} is
 * the requests whose reply an update waited for ({@link RedisDialogs#roundTrips}): commands sent as one request
 * (the lock with the stack's read) count once (the JSON says so in {@code store_round_trips_counted}). {@code store_server_cpu_us_per_update} is the Redis server's own CPU time
 * (user and system, from {@code INFO cpu}) over the measured run per update: on one machine it shares the cores
 * with the bot, and {@code cpu_us_per_update} counts only the bot's process. {@code store_ping_us} is the median
 * {@code PING} round trip on one connection, timed right after the run: in seq and rr an update waits for two of
 * them. {@code latency_p50_us}, {@code latency_p99_us} and {@code latency_max_us} are the time from an update's
 * delivery to the bot's last Bot API call about its chat (the message or edit that answers it), over the run's
 * updates, and {@code latency_max_where} the step of the update that waited longest and when (ms after the run's
 * driver was made) it was delivered. {@code store_wire_us_per_write} is the same round trip as the bot's pipeline saw it during the run: from a
 * write's first byte to its last reply, per write ({@link RedisDialogs#wireNanos}). {@code cpu_us_per_update_by_threads} splits the bot's CPU by the kind of thread that spent it
 * ({@link ThreadCpu}; in rr it includes the collections that measure the live heap).
 */
public final class WizardBench {
    static final String SECRET = "bench";
    static final int STEPS = 5;
    private static final AtomicLong UPDATE_IDS = new AtomicLong();
    private static final AtomicLong QUERY_IDS = new AtomicLong();
    private static final AtomicLong RUNS = new AtomicLong();
    /** Users of the throwaway run between a measured run's heap baseline and its clock (as the peers' 1,000). */
    private static final int REFILL_USERS = 1_000;

    /**
     * {@code -Dbench.histogram=N}: in rr, the N classes that grew most between the heap baseline and the
     * framework's state in the middle of the dialog (the fake Telegram's parked), per user, on stderr.
     */
    private static final int HISTOGRAM_ROWS = Integer.getInteger("bench.histogram", 0);

    private static final com.google.gson.Gson JSON_STRINGS = new com.google.gson.Gson();

    private WizardBench() {}

    /** The value at {@code q} (0 to 1) of {@code sorted}, by the nearest rank. */
    static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** One configuration's outcome. */
    record Result(
            String store,
            String mode,
            int users,
            long updates,
            int failures,
            long errors,
            double wallMs,
            double cpuMs,
            long apiCalls,
            long storeCommands,
            long storeRoundTrips,
            long heapLivePerUserB,
            long frameworkStatePerUserB,
            long harnessStatePerUserB,
            double rssPeakMb,
            long allocatedBytes,
            long serverCpuMicros,
            Map<String, Long> cpuNanosByThreads,
            double pingMicros,
            double wireMicrosPerWrite,
            long[] latencyNanos,
            String latencyMaxWhere,
            List<String> firstFailures) {

        double updatesPerS() {
            return updates / (wallMs / 1000);
        }

        String json() {
            JsonObject o = new JsonObject();
            o.addProperty("impl", "tgdialog");
            o.addProperty("store", store);
            o.addProperty("stub", "http");
            o.addProperty("mode", mode);
            o.addProperty("users", users);
            o.addProperty("updates", updates);
            o.addProperty("failures", failures);
            o.addProperty("errors", errors);
            o.addProperty("wall_ms", round(wallMs, 1));
            o.addProperty("updates_per_s", Math.round(updatesPerS()));
            o.addProperty("us_per_update", round(wallMs * 1000 / updates, 2));
            o.addProperty("cpu_us_per_update", round(cpuMs * 1000 / updates, 2));
            o.addProperty("api_calls_per_update", round((double) apiCalls / updates, 3));
            if (latencyNanos.length > 0) {
                o.addProperty("latency_p50_us", round(percentile(latencyNanos, 0.50) / 1000.0, 1));
                o.addProperty("latency_p99_us", round(percentile(latencyNanos, 0.99) / 1000.0, 1));
                o.addProperty("latency_max_us", round(latencyNanos[latencyNanos.length - 1] / 1000.0, 1));
                o.addProperty("latency_max_where", latencyMaxWhere);
            }
            o.addProperty("store_commands_per_update", round((double) storeCommands / updates, 3));
            o.addProperty("store_round_trips_per_update", round((double) storeRoundTrips / updates, 3));
            if (store.equals("redis")) {
                o.addProperty(
                        "store_round_trips_counted",
                        "requests of the RedisDialogs pair whose reply an update waited for: commands sent together"
                                + " in one write (lock and read) count once, each command on its own once");
                o.addProperty("store_server_cpu_us_per_update", round((double) serverCpuMicros / updates, 2));
                o.addProperty("store_ping_us", round(pingMicros, 1));
                o.addProperty("store_wire_us_per_write", round(wireMicrosPerWrite, 1));
            }
            if (heapLivePerUserB >= 0) {
                o.addProperty("heap_live_per_user_b", heapLivePerUserB);
            } else {
                o.add("heap_live_per_user_b", com.google.gson.JsonNull.INSTANCE);
            }
            if (frameworkStatePerUserB >= 0) {
                o.addProperty("framework_state_per_user_b", frameworkStatePerUserB);
                o.addProperty("harness_state_per_user_b", harnessStatePerUserB);
            }
            o.addProperty("rss_peak_mb", round(rssPeakMb, 1));
            o.addProperty("alloc_b_per_update", allocatedBytes / updates);
            if (!cpuNanosByThreads.isEmpty()) {
                JsonObject byThreads = new JsonObject();
                cpuNanosByThreads.forEach(
                        (group, nanos) -> byThreads.addProperty(group, round(nanos / 1000.0 / updates, 2)));
                o.add("cpu_us_per_update_by_threads", byThreads);
            }
            o.addProperty("threads", mode.equals("conc") ? threads(store) : 1);
            if (mode.equals("conc")) {
                o.addProperty("conc_model", inlineConc(store) ? "inline" : "pool");
            }
            o.addProperty("java", System.getProperty("java.version"));
            o.addProperty("cores", Runtime.getRuntime().availableProcessors());
            return o.toString();
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> userCounts = List.of(1_000, 10_000);
        List<String> modes = List.of("seq", "rr", "conc");
        int warmup = 20_000;
        int concurrency = 100;
        List<String> stores = List.of("memory");
        int reps = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--users" ->
                    userCounts = List.of(args[i + 1].split(",")).stream()
                            .map(Integer::parseInt)
                            .toList();
                case "--modes" -> modes = List.of(args[i + 1].split(","));
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                case "--stores" -> stores = List.of(args[i + 1].split(","));
                case "--reps" -> reps = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        for (String store : stores) {
            if (!store.equals("memory") && !store.equals("redis")) {
                throw new IllegalArgumentException("unknown store " + store + " (memory, redis)");
            }
        }
        boolean failed = false;
        try (BenchRedis redis = stores.contains("redis") ? BenchRedis.start() : null) {
            for (int users : userCounts) {
                for (String store : stores) {
                    for (String mode : modes) {
                        // SCENARIO.md: a warm-up run with other user ids precedes each measured run. In this mode:
                        // after the other modes' runs the JIT recompiles, and the first runs paid for it.
                        warmUp(mode, warmup, concurrency, store, redis);
                        List<Result> runs = new ArrayList<>();
                        for (int rep = 0; rep < reps; rep++) {
                            Result r = run(mode, users, concurrency, store, redis, REFILL_USERS);
                            runs.add(r);
                            if (r.failures() > 0 || r.errors() > 0) {
                                System.err.println("failures: " + r.firstFailures());
                                failed = true;
                            }
                        }
                        System.out.println(median(runs));
                    }
                }
            }
        }
        // OkHttp's idle threads would keep the JVM up for another minute.
        System.exit(failed ? 1 : 0);
    }

    /** The median run by updates/s as its JSON line, with the spread of all runs when there were several. */
    static String median(List<Result> runs) {
        List<Result> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingDouble(Result::updatesPerS));
        JsonObject o = com.google.gson.JsonParser.parseString(
                        sorted.get(sorted.size() / 2).json())
                .getAsJsonObject();
        if (runs.size() > 1) {
            o.addProperty("reps", runs.size());
            o.addProperty("updates_per_s_min", Math.round(sorted.get(0).updatesPerS()));
            o.addProperty(
                    "updates_per_s_max",
                    Math.round(sorted.get(sorted.size() - 1).updatesPerS()));
            JsonArray each = new JsonArray();
            runs.forEach(r -> each.add(Math.round(r.updatesPerS())));
            o.add("updates_per_s_runs", each);
        }
        return o.toString();
    }

    /**
     * The warm-up before a configuration: {@code users} other users in its mode and store, then more rounds of
     * 5,000 while the JIT is still busy (it compiled for more than 20 ms during the last round, up to 20 rounds).
     * Its compiler threads share the two cores, so a run measured while it still works is measured slow, and the
     * short U=1,000 runs right after the start of the JVM were.
     */
    static void warmUp(String mode, int users, int concurrency, String store, BenchRedis redis) throws Exception {
        if (users <= 0) {
            return;
        }
        run(mode, users, concurrency, store, redis);
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        for (int round = 0; round < 20; round++) {
            long before = jit.getTotalCompilationTime();
            run(mode, 5_000, concurrency, store, redis);
            long busy = jit.getTotalCompilationTime() - before;
            if (busy <= 20) {
                System.err.printf("warm-up %s/%s: JIT quiet after %d extra rounds%n", store, mode, round + 1);
                return;
            }
        }
        System.err.printf("warm-up %s/%s: JIT still compiling after 20 extra rounds%n", store, mode);
    }

    /** {@link #run(String, int, int, String, BenchRedis)} with the in-memory store. */
    static Result run(String mode, int users, int concurrency) throws Exception {
        return run(mode, users, concurrency, "memory", null);
    }

    /** A fresh bot and fake Telegram, then one measured run, with no refill after the forced GC. */
    static Result run(String mode, int users, int concurrency, String store, BenchRedis redis) throws Exception {
        return run(mode, users, concurrency, store, redis, 0);
    }

    /**
     * A fresh bot and fake Telegram, then one measured run. The forced GC that takes the heap baseline also shrinks
     * the young generation, which a short run then pays for while the collector grows it back; as in the peers'
     * harness, {@code refill} other users (on a bot of their own, thrown away) run the same mode between the
     * baseline and the clock's start.
     */
    static Result run(String mode, int users, int concurrency, String store, BenchRedis redis, int refill)
            throws Exception {
        BenchTelegram telegram = new BenchTelegram();
        Map<Long, WizardBot.Order> orders = new ConcurrentHashMap<>();
        ExecutorService pool = mode.equals("conc") && !inlineConc(store) ? handlerPool(store) : null;
        Executor executor = pool != null ? pool : Runnable::run;
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(telegram).build();
        TelegramClient client = TelegramClient.builder("123456:TEST-TOKEN-NOT-REAL")
                .okHttpClient(http)
                .build();
        Dialog fruit = WizardBot.dialog(orders);
        DialogBot.Builder builder = DialogBot.builder(client).executor(executor);
        UnifiedJedis jedis = null;
        RedisDialogs pair = null;
        String prefix = "bench-" + RUNS.incrementAndGet() + "-"
                + ProcessHandle.current().pid() + ":";
        if (store.equals("redis")) {
            jedis = redis.client();
            pair = RedisDialogs.builder(jedis)
                    .keyPrefix(prefix)
                    .ttl(Duration.ofHours(1))
                    .decodedStacks(Integer.getInteger("bench.decodedStacks", 4096))
                    .executor(executor)
                    .build();
            builder.store(pair.store()).isolation(pair.isolation());
        }
        DialogBot bot = WizardBot.configure(builder, fruit).build();
        WebhookHandler webhook = new WebhookHandler(SECRET, bot.handler(), Integer.MAX_VALUE);
        long base = 1_000_000L + UPDATE_IDS.get() * 10;
        List<User> all = new ArrayList<>(users);
        for (int i = 0; i < users; i++) {
            all.add(new User(base + i));
        }
        Driver driver = new Driver(telegram, orders, webhook, users);

        Map<String, long[]> histogram = mode.equals("rr") && HISTOGRAM_ROWS > 0 ? Histogram.take() : null;
        System.gc();
        long heapBefore = usedHeap();
        if (refill > 0) {
            run(mode, refill, concurrency, store, redis, 0);
        }
        resetPeakRss();
        long commands0 = pair == null ? 0 : pair.commandsSent();
        long roundTrips0 = pair == null ? 0 : pair.roundTrips();
        long writes0 = pair == null ? 0 : pair.writes();
        long wire0 = pair == null ? 0 : pair.wireNanos();
        long serverCpu0 = redis != null && store.equals("redis") ? redis.serverCpuMicros() : 0;
        Map<String, Long> threadCpu0 = ThreadCpu.byGroup();
        long cpu0 = cpuNanos();
        long alloc0 = allocatedBytes();
        long t0 = System.nanoTime();
        long paused = 0;
        long pausedCpu = 0;
        long heapLive = -1;
        long frameworkState = -1;
        long harnessState = -1;
        switch (mode) {
            case "seq" -> {
                for (User u : all) {
                    for (int k = 0; k < STEPS && u.ok; k++) {
                        driver.step(u, k).join();
                    }
                }
            }
            case "rr" -> {
                for (int k = 0; k < STEPS; k++) {
                    if (k == STEPS - 1) {
                        long p0 = System.nanoTime();
                        long c0 = cpuNanos();
                        System.gc();
                        System.gc();
                        long live = usedHeap();
                        heapLive = Math.max(0, (live - heapBefore) / users);
                        java.nio.ByteBuffer parked = telegram.park();
                        System.gc();
                        System.gc();
                        long framework = usedHeap();
                        frameworkState = Math.max(0, (framework - heapBefore) / users);
                        harnessState = Math.max(0, (live - framework) / users);
                        if (histogram != null) {
                            Histogram.printDifference(histogram, Histogram.take(), users, HISTOGRAM_ROWS);
                        }
                        telegram.unpark(parked);
                        paused += System.nanoTime() - p0;
                        pausedCpu += cpuNanos() - c0;
                    }
                    for (User u : all) {
                        if (u.ok) {
                            driver.step(u, k).join();
                        }
                    }
                }
            }
            case "conc" -> {
                if (inlineConc(store)) {
                    driver.inlineLanes(all, concurrency, threads(store));
                    break;
                }
                // The lanes start on a pool thread, so that every update is delivered from one of the pool's
                // threads. Started from this thread, the first updates went to the pool's queue for outside
                // submissions, which its threads take from only when their own queues are empty: with every
                // lane's next step queued on the thread that ran its last, one of those updates waited until the
                // run's end (latency_max_us was the run's wall time).
                AtomicInteger next = new AtomicInteger();
                int width = Math.min(concurrency, users);
                CompletableFuture.supplyAsync(
                                () -> {
                                    List<CompletableFuture<Void>> lanes = new ArrayList<>();
                                    for (int l = 0; l < width; l++) {
                                        lanes.add(driver.lane(all, next));
                                    }
                                    return CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new));
                                },
                                executor)
                        .thenCompose(all2 -> all2)
                        .join();
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        double wallMs = (System.nanoTime() - t0 - paused) / 1e6;
        double cpuMs = (cpuNanos() - cpu0 - pausedCpu) / 1e6;
        Map<String, Long> threadCpu = ThreadCpu.since(threadCpu0);
        long allocated = allocatedBytes() - alloc0;
        long storeCommands = pair == null ? 0 : pair.commandsSent() - commands0;
        long storeRoundTrips = pair == null ? 0 : pair.roundTrips() - roundTrips0;
        long writes = pair == null ? 0 : pair.writes() - writes0;
        double wireMicrosPerWrite = writes == 0 ? 0 : (pair.wireNanos() - wire0) / 1000.0 / writes;
        long serverCpu = redis != null && store.equals("redis") ? redis.serverCpuMicros() - serverCpu0 : 0;
        double rss = peakRssMb();
        // Right after the run, in the same conditions: what one round trip costs here with no bot work around it.
        double ping = redis != null && store.equals("redis") ? redis.pingMicros(2000) : 0;
        if (pool != null) {
            pool.shutdown();
        }
        bot.stop();
        client.close();
        if (pair != null) {
            pair.close();
            jedis.close();
            redis.deleteAll(prefix);
        }
        int failures = 0;
        List<String> why = new ArrayList<>();
        for (User u : all) {
            if (!u.ok) {
                failures++;
                if (why.size() < 3) {
                    why.add(u.id + ": " + u.why);
                }
            }
        }
        UPDATE_IDS.addAndGet(users);
        return new Result(
                store,
                mode,
                users,
                driver.updates.get(),
                failures,
                driver.errors.get(),
                wallMs,
                cpuMs,
                telegram.calls.sum(),
                storeCommands,
                storeRoundTrips,
                heapLive,
                frameworkState,
                harnessState,
                rss,
                allocated,
                serverCpu,
                threadCpu,
                ping,
                wireMicrosPerWrite,
                driver.latencies(),
                driver.longest(),
                why);
    }

    /**
     * The bot's executor in conc mode: a work-stealing pool with a thread per core, first in first out (a task a
     * handler thread submits stays on its own queue, where a shared queue made the threads contend on its lock for
     * every update). The same on both stores: on Redis no handler thread waits for a reply either (the pair's
     * pipeline completes on its own I/O thread and the engine continues from the completion), so more threads would
     * only add switches between them. {@code -Dbench.redisThreads=N} gives Redis a fixed pool of N threads instead,
     * as a bot whose own handlers block would use.
     */
    static ExecutorService handlerPool(String store) {
        Integer fixed = store.equals("redis") ? Integer.getInteger("bench.redisThreads") : null;
        if (fixed != null) {
            return Executors.newFixedThreadPool(fixed, daemon());
        }
        return new java.util.concurrent.ForkJoinPool(
                threads(store),
                pool -> {
                    var t = java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                    t.setDaemon(true);
                    return t;
                },
                null,
                true);
    }

    /**
     * Whether conc mode runs as a webhook server runs a bot: a thread per core receives updates and the bot handles
     * each on the thread that delivers it (executor {@code Runnable::run}), each thread keeping its share of the
     * users in flight, one step of each in turn. The default in memory; {@code -Dbench.conc=pool} hands updates to
     * a pool instead, as Redis always does (its replies complete on the pipeline's own thread, so a delivering
     * thread would wait). Comparing Redis with memory in conc mode means the pool model on both.
     */
    static boolean inlineConc(String store) {
        return store.equals("memory") && !"pool".equals(System.getProperty("bench.conc"));
    }

    /** The bot's handler threads in conc mode: one per core, or {@code -Dbench.redisThreads} on Redis. */
    static int threads(String store) {
        int cores = Runtime.getRuntime().availableProcessors();
        Integer fixed = store.equals("redis") ? Integer.getInteger("bench.redisThreads") : null;
        return fixed != null ? fixed : cores;
    }

    /** One simulated user. */
    static final class User {
        final long id;
        boolean ok = true;
        String why = "";
        String callbackId;
        long callbackMessage;

        User(long id) {
            this.id = id;
        }

        void fail(String reason) {
            if (ok) {
                ok = false;
                why = reason;
            }
        }
    }

    /** Builds each step's update from what the bot last showed, delivers it, and checks the bot's reaction. */
    static final class Driver {
        final BenchTelegram telegram;
        final Map<Long, WizardBot.Order> orders;
        final WebhookHandler webhook;
        final AtomicLong updates = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        /** Per update, from its delivery to the bot's last Bot API call for it, in nanoseconds. */
        private final long[] latencies;

        private final AtomicInteger latencyCount = new AtomicInteger();
        private final long started = System.nanoTime();
        /** The longest latency so far: its nanoseconds, its step and when its update was delivered. */
        private long longest;

        private int longestStep;
        private long longestAt;

        private synchronized void noteLongest(long nanos, int step, long delivered) {
            if (nanos > longest) {
                longest = nanos;
                longestStep = step;
                longestAt = delivered - started;
            }
        }

        /** Which step's update waited longest, and when (ms since the driver was made) it was delivered. */
        synchronized String longest() {
            return "step " + longestStep + " at " + longestAt / 1_000_000 + " ms";
        }

        Driver(BenchTelegram telegram, Map<Long, WizardBot.Order> orders, WebhookHandler webhook, int users) {
            this.telegram = telegram;
            this.orders = orders;
            this.webhook = webhook;
            this.latencies = new long[users * STEPS];
        }

        /**
         * The latencies so far, sorted: each update's time from its delivery to the bot's last call about its chat
         * (the edit or message that shows its answer), as the user would wait for it.
         */
        long[] latencies() {
            long[] sorted = java.util.Arrays.copyOf(latencies, Math.min(latencyCount.get(), latencies.length));
            java.util.Arrays.sort(sorted);
            return sorted;
        }

        /**
         * Conc mode on {@code threads} threads of its own, each keeping its share of the {@code concurrency} users in
         * flight: one step of each in turn, and a user who is done (or failed) makes room for the next one.
         */
        void inlineLanes(List<User> all, int concurrency, int threads) throws InterruptedException {
            AtomicInteger next = new AtomicInteger();
            List<Thread> drivers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int slots = concurrency / threads + (t < concurrency % threads ? 1 : 0);
                Thread thread = new Thread(() -> inlineLane(all, next, slots), "bench-driver-" + t);
                thread.setDaemon(true);
                drivers.add(thread);
                thread.start();
            }
            for (Thread thread : drivers) {
                thread.join();
            }
        }

        private void inlineLane(List<User> all, AtomicInteger next, int slots) {
            User[] user = new User[slots];
            int[] step = new int[slots];
            int active = 0;
            for (int s = 0; s < slots; s++) {
                int i = next.getAndIncrement();
                if (i < all.size()) {
                    user[s] = all.get(i);
                    active++;
                }
            }
            while (active > 0) {
                for (int s = 0; s < slots; s++) {
                    User u = user[s];
                    if (u == null) {
                        continue;
                    }
                    if (u.ok) {
                        step(u, step[s]).join();
                        step[s]++;
                    }
                    if (!u.ok || step[s] == STEPS) {
                        int i = next.getAndIncrement();
                        user[s] = i < all.size() ? all.get(i) : null;
                        step[s] = 0;
                        if (user[s] == null) {
                            active--;
                        }
                    }
                }
            }
        }

        CompletableFuture<Void> lane(List<User> all, AtomicInteger next) {
            int i = next.getAndIncrement();
            if (i >= all.size()) {
                return CompletableFuture.completedFuture(null);
            }
            User u = all.get(i);
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (int k = 0; k < STEPS; k++) {
                int step = k;
                chain = chain.thenCompose(x -> u.ok ? step(u, step) : CompletableFuture.completedFuture(null));
            }
            return chain.thenCompose(x -> lane(all, next));
        }

        CompletableFuture<Void> step(User u, int k) {
            byte[] update = switch (k) {
                case 0 -> text(u, "/start");
                case 1 -> press(u, "Next »");
                case 2 -> press(u, "item 7");
                case 3 -> text(u, "3");
                default -> press(u, "Confirm");
            };
            if (update == null) {
                return CompletableFuture.completedFuture(null);
            }
            updates.incrementAndGet();
            BenchTelegram.Chat chat = telegram.chat(u.id);
            long delivered = System.nanoTime();
            return webhook.handle(name -> SECRET, update).toCompletableFuture().thenAccept(status -> {
                long lastCall = chat.lastCallNanos;
                if (lastCall - delivered > 0) {
                    int i = latencyCount.getAndIncrement();
                    if (i < latencies.length) {
                        latencies[i] = lastCall - delivered;
                    }
                    noteLongest(lastCall - delivered, k, delivered);
                }
                if (status != 200) {
                    errors.incrementAndGet();
                    u.fail("step " + k + ": HTTP " + status);
                } else {
                    check(u, k);
                }
            });
        }

        private byte[] text(User u, String text) {
            long messageId = telegram.nextMessageId(u.id);
            Bytes out = Bytes.scratch()
                    .ascii("{\"update_id\":")
                    .number(UPDATE_IDS.incrementAndGet())
                    .ascii(",\"message\":{\"message_id\":")
                    .number(messageId)
                    .ascii(",\"from\":");
            user(u, out).ascii(",\"chat\":");
            chat(u, out).ascii(",\"date\":1700000000,\"text\":").ascii(JSON_STRINGS.toJson(text));
            if (text.startsWith("/")) {
                out.ascii(",\"entities\":[{\"offset\":0,\"length\":")
                        .number(text.length())
                        .ascii(",\"type\":\"bot_command\"}]");
            }
            return out.ascii("}}").toByteArray();
        }

        private byte[] press(User u, String label) {
            BenchTelegram.Chat c = telegram.chats.get(u.id);
            if (c == null || c.lastKeyboard == 0) {
                u.fail("no keyboard when pressing " + label);
                return null;
            }
            long messageId;
            byte[] textJson;
            byte[] keyboardJson;
            String data = null;
            synchronized (c) {
                messageId = c.lastKeyboard;
                BenchTelegram.Msg m = c.messages.get(messageId);
                textJson = m.textJson;
                keyboardJson = m.keyboardJson;
                for (BenchTelegram.Button b : m.buttons()) {
                    if (b.label().equals(label) && b.data() != null) {
                        data = b.data();
                    }
                }
                if (data == null) {
                    u.fail("button " + label + " not found in '" + m.text() + "'");
                    return null;
                }
            }
            String id = Long.toString(QUERY_IDS.incrementAndGet());
            telegram.pendingCallbacks.put(id, true);
            u.callbackId = id;
            u.callbackMessage = messageId;
            // The message as Telegram sends it back: its text and keyboard as the bot last set them.
            Bytes out = Bytes.scratch()
                    .ascii("{\"update_id\":")
                    .number(UPDATE_IDS.incrementAndGet())
                    .ascii(",\"callback_query\":{\"id\":\"")
                    .ascii(id)
                    .ascii("\",\"from\":");
            user(u, out).ascii(",\"message\":{\"chat\":");
            chat(u, out)
                    .ascii(",\"message_id\":")
                    .number(messageId)
                    .ascii(",\"date\":1700000000,\"text\":")
                    .bytes(textJson)
                    .ascii(",\"reply_markup\":")
                    .bytes(keyboardJson)
                    .ascii("},\"chat_instance\":\"")
                    .number(u.id)
                    .ascii("\",\"data\":")
                    .ascii(JSON_STRINGS.toJson(data))
                    .ascii("}}");
            return out.toByteArray();
        }

        private void check(User u, int k) {
            BenchTelegram.Chat c = telegram.chats.get(u.id);
            if (c == null) {
                u.fail("step " + k + ": the bot never talked to the chat");
                return;
            }
            if (k == 1 || k == 2 || k == 4) {
                boolean unanswered = telegram.pendingCallbacks.remove(u.callbackId) != null;
                // Read once: kept until the next press, it would count as the bot's heap per user.
                u.callbackId = null;
                if (unanswered) {
                    u.fail("step " + k + ": the callback query was not answered");
                    return;
                }
            }
            synchronized (c) {
                BenchTelegram.Msg last = c.messages.get(c.lastKeyboard);
                switch (k) {
                    case 0 -> expect(u, k, last, "Pick a fruit (page 1/6)", 7, "item 1");
                    case 1 -> expect(u, k, last, "Pick a fruit (page 2/6)", 7, "item 6");
                    case 2 -> expect(u, k, c.messages.get(u.callbackMessage), "Enter quantity", 0, null);
                    case 3 -> expect(u, k, last, "item 7 x 3", 1, "Confirm");
                    default -> {
                        expect(u, k, c.messages.get(u.callbackMessage), "Done", 0, null);
                        WizardBot.Order o = orders.get(u.id);
                        if (o == null || o.item() != 7 || o.qty() != 3) {
                            u.fail("step 4: order " + o);
                        }
                        telegram.chats.remove(u.id);
                        orders.remove(u.id);
                    }
                }
            }
        }

        private static void expect(User u, int k, BenchTelegram.Msg m, String text, int buttons, String first) {
            if (m == null || !m.text().equals(text)) {
                u.fail("step " + k + ": text '" + (m == null ? null : m.text()) + "'");
                return;
            }
            BenchTelegram.Button[] shown = m.buttons();
            if (shown.length != buttons || (first != null && !shown[0].label().equals(first))) {
                u.fail("step " + k + ": buttons " + List.of(shown));
            }
        }

        private static Bytes user(User u, Bytes out) {
            return out.ascii("{\"id\":")
                    .number(u.id)
                    .ascii(",\"is_bot\":false,\"first_name\":\"User\",\"last_name\":\"")
                    .number(u.id)
                    .ascii("\",\"language_code\":\"en\"}");
        }

        private static Bytes chat(User u, Bytes out) {
            return out.ascii("{\"id\":")
                    .number(u.id)
                    .ascii(",\"type\":\"private\",\"first_name\":\"User\",\"last_name\":\"")
                    .number(u.id)
                    .ascii("\"}");
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "bench-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Bytes allocated so far by all live threads (the harness's included, as its CPU time is). */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (Exception e) {
            // Not Linux, or not allowed: the peak then counts from the start of the process.
        }
    }

    private static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
