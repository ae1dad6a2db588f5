package dev.tgdialog.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast a bot starts and how much memory it holds when idle, as a process of its own: a fake Bot API server on
 * loopback (real HTTP) feeds it updates through {@code getUpdates} long polling, and this bench times the process
 * from its start to its first answer (the {@code sendMessage} for a waiting {@code /start}), then reads its resident
 * memory from {@code /proc} once it has sat idle, first with that one dialog open, then with {@code --users} more
 * (each user sends {@code /start}, which opens a dialog and leaves it open). One JSON line per run.
 *
 * <p>Arguments: {@code --bot demo|wizard|telegraf} (the demo bot, the bench's wizard bot, or the wizard of the Node
 * peers written for Telegraf: {@code bench/src/main/node/telegraf-wizard-bot.mjs}, which needs {@code --peers} to
 * name a folder whose {@code node_modules} holds Telegraf, as {@code shared/bench/peers-node} after its install),
 * {@code --jvm "flags"} (the JVM's flags, none by default), {@code --label name}, {@code --users 10000},
 * {@code --idle-ms 3000} (how long the bot sits idle before its memory is read), {@code --runs 3}.
 */
public final class FootprintBench {
    private static final String TOKEN = "123456:FOOTPRINT-NOT-A-REAL-TOKEN";
    private static final String BOT_JSON =
            "{\"id\":123456,\"is_bot\":true,\"first_name\":\"Bench\",\"username\":\"bench_bot\"}";

    private FootprintBench() {}

    public static void main(String[] args) throws Exception {
        String bot = "demo";
        String jvm = "";
        String label = "default";
        String peers = null;
        int users = 10_000;
        long idleMs = 3_000;
        int runs = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--bot" -> bot = args[i + 1];
                case "--jvm" -> jvm = args[i + 1];
                case "--label" -> label = args[i + 1];
                case "--peers" -> peers = args[i + 1];
                case "--users" -> users = Integer.parseInt(args[i + 1]);
                case "--idle-ms" -> idleMs = Long.parseLong(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        for (int run = 0; run < runs; run++) {
            System.out.println(run(bot, jvm, label, peers, users, idleMs).toString());
        }
        System.exit(0);
    }

    static JsonObject run(String bot, String jvm, String label, String peers, int users, long idleMs) throws Exception {
        try (FakeBotApi api = FakeBotApi.start()) {
            List<String> command = command(bot, jvm, peers);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("BOT_TOKEN", TOKEN);
            builder.environment().put("BOT_API_URL", api.url());
            Path log = Files.createTempFile("footprint-" + bot, ".log");
            builder.redirectOutput(log.toFile());
            api.send(startOf(1));
            long t0 = System.nanoTime();
            Process process = builder.start();
            try {
                api.awaitAnswered(1, 60_000, process);
                double startMs = (api.firstAnswerNanos() - t0) / 1e6;
                Thread.sleep(idleMs);
                double idleOne = memory(process.pid(), "VmRSS:");
                long t1 = System.nanoTime();
                for (int u = 0; u < users; u++) {
                    api.send(startOf(1_000 + u));
                }
                api.awaitAnswered(users + 1, 600_000, process);
                double openMs = (System.nanoTime() - t1) / 1e6;
                Thread.sleep(idleMs);
                double idleMany = memory(process.pid(), "VmRSS:");
                double peak = memory(process.pid(), "VmHWM:");
                JsonObject o = new JsonObject();
                o.addProperty("bot", bot);
                o.addProperty("setting", label);
                o.addProperty("flags", jvm);
                o.addProperty("start_to_first_answer_ms", round(startMs));
                o.addProperty("rss_idle_mb", round(idleOne));
                o.addProperty("users", users);
                o.addProperty("open_dialogs_ms", round(openMs));
                o.addProperty("rss_idle_open_mb", round(idleMany));
                o.addProperty("rss_peak_mb", round(peak));
                o.addProperty("unknown_methods", String.join(",", api.unknown.keySet()));
                o.addProperty("cores", Runtime.getRuntime().availableProcessors());
                return o;
            } finally {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                Files.deleteIfExists(log);
            }
        }
    }

    private static List<String> command(String bot, String jvm, String peers) {
        List<String> command = new ArrayList<>();
        if (bot.equals("telegraf")) {
            if (peers == null) {
                throw new IllegalArgumentException(
                        "--bot telegraf needs --peers DIR (its node_modules holds telegraf)");
            }
            command.add("node");
            // From the repository's root or from bench/ (where exec:exec runs).
            Path script = Path.of("src/main/node/telegraf-wizard-bot.mjs");
            command.add((Files.exists(script) ? script : Path.of("bench").resolve(script))
                    .toAbsolutePath()
                    .toString());
            command.add(Path.of(peers).toAbsolutePath().toString());
            return command;
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : jvm.trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(
                switch (bot) {
                    case "demo" -> "dev.tgdialog.demo.DemoBot";
                    case "wizard" -> "dev.tgdialog.bench.WizardBotMain";
                    default -> throw new IllegalArgumentException("unknown bot " + bot + " (demo, wizard, telegraf)");
                });
        return command;
    }

    private static String startOf(long user) {
        return "{\"message_id\":1,\"from\":{\"id\":" + user + ",\"is_bot\":false,\"first_name\":\"U\"},"
                + "\"chat\":{\"id\":" + user + ",\"type\":\"private\",\"first_name\":\"U\"},\"date\":1700000000,"
                + "\"text\":\"/start\",\"entities\":[{\"offset\":0,\"length\":6,\"type\":\"bot_command\"}]}";
    }

    /** A {@code /proc/PID/status} figure in MB. */
    private static double memory(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return -1;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /**
     * A Bot API server that holds updates until a bot polls for them, answers {@code sendMessage} with a message, and
     * everything else with {@code true} (noting the method's name), on loopback.
     */
    static final class FakeBotApi implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-bot-api");
            t.setDaemon(true);
            return t;
        });
        private final LinkedBlockingQueue<String> waiting = new LinkedBlockingQueue<>();
        private final AtomicLong updateIds = new AtomicLong();
        private final AtomicLong messageIds = new AtomicLong(100);
        private final ConcurrentHashMap<Long, Boolean> answered = new ConcurrentHashMap<>();
        private final AtomicInteger answeredCount = new AtomicInteger();
        private long firstAnswer;
        final ConcurrentHashMap<String, Boolean> unknown = new ConcurrentHashMap<>();

        private FakeBotApi(HttpServer server) {
            this.server = server;
        }

        static FakeBotApi start() throws IOException {
            // Without it the JDK's server leaves Nagle's algorithm on: its answer's body waits for the client's
            // delayed acknowledgement of its headers, some 40 ms a call, where Telegram answers at once.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeBotApi api = new FakeBotApi(server);
            server.createContext("/", api::handle);
            server.setExecutor(api.threads);
            server.start();
            return api;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void send(String message) {
            waiting.add("{\"update_id\":" + updateIds.incrementAndGet() + ",\"message\":" + message + "}");
        }

        synchronized long firstAnswerNanos() {
            return firstAnswer;
        }

        /** Waits until {@code chats} chats have had a message from the bot; fails if the bot exits or is too slow. */
        void awaitAnswered(int chats, long timeoutMs, Process process) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutMs * 1_000_000;
            synchronized (this) {
                while (answeredCount.get() < chats) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the bot exited with " + process.exitValue());
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "the bot answered " + answeredCount.get() + " of " + chats + " chats in time");
                    }
                    wait(100);
                }
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1);
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String result;
            try {
                result = switch (method) {
                    case "getMe" -> BOT_JSON;
                    case "getUpdates" -> updates();
                    case "sendMessage" -> message(body);
                    // What a bot reads back of its own profile before it sets it (the demo does).
                    case "getMyCommands" -> "[]";
                    case "getMyDescription" -> "{\"description\":\"\"}";
                    case "getMyShortDescription" -> "{\"short_description\":\"\"}";
                    case "getMyName" -> "{\"name\":\"Bench\"}";
                    case "getChatMenuButton" -> "{\"type\":\"default\"}";
                    case "setMyCommands",
                            "setMyDescription",
                            "setMyShortDescription",
                            "setChatMenuButton",
                            "deleteWebhook" -> "true";
                    default -> {
                        unknown.put(method, true);
                        yield "true";
                    }
                };
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = "[]";
            }
            byte[] answer = ("{\"ok\":true,\"result\":" + result + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }

        /** Up to 100 waiting updates; when none waits, holds the poll up to a second for one. */
        private String updates() throws InterruptedException {
            List<String> batch = new ArrayList<>();
            String first = waiting.poll(1, TimeUnit.SECONDS);
            if (first != null) {
                batch.add(first);
                waiting.drainTo(batch, 99);
            }
            return "[" + String.join(",", batch) + "]";
        }

        private String message(String body) {
            JsonObject request =
                    JsonParser.parseString(body.isEmpty() ? "{}" : body).getAsJsonObject();
            long chat = request.get("chat_id").getAsLong();
            if (answered.putIfAbsent(chat, true) == null) {
                long now = System.nanoTime();
                synchronized (this) {
                    if (answeredCount.incrementAndGet() == 1) {
                        firstAnswer = now;
                    }
                    notifyAll();
                }
            }
            return "{\"message_id\":" + messageIds.incrementAndGet() + ",\"date\":1700000000,\"chat\":{\"id\":" + chat
                    + ",\"type\":\"private\",\"first_name\":\"U\"},\"from\":" + BOT_JSON + ",\"text\":"
                    + request.get("text") + "}";
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
