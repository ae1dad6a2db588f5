package dev.tgdialog.micrometer;

import dev.tgdialog.events.BotEvents;
import dev.tgdialog.events.CallOutcome;
import dev.tgdialog.events.ClickRejection;
import dev.tgdialog.events.ErrorKind;
import dev.tgdialog.events.StoreOperation;
import dev.tgdialog.events.StoreOutcome;
import dev.tgdialog.events.UpdateOutcome;
import dev.tgdialog.telegram.BotApiMethods;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * A bot's {@link BotEvents} as Micrometer meters. Bind it to a registry, then give it to the bot:
 *
 * <pre>{@code
 * TgdialogMetrics metrics = new TgdialogMetrics();
 * metrics.bindTo(registry);                       // Spring Boot binds a MeterBinder bean itself
 * DialogBot bot = DialogBot.builder(telegram).events(metrics).dialogs(ORDER).build();
 * }</pre>
 *
 * <p>Meters: {@code tgdialog.updates} (timer: {@code kind}, {@code outcome}), {@code tgdialog.updates.active} (gauge),
 * {@code tgdialog.api.calls} (timer: {@code method}, {@code outcome}, {@code code}), {@code tgdialog.api.rate_limited}
 * (counter: {@code method}) with {@code tgdialog.api.rate_limited.wait} (summary in seconds: {@code method}),
 * {@code tgdialog.clicks.rejected} (counter: {@code reason}), {@code tgdialog.dialogs.started} and
 * {@code tgdialog.dialogs.finished} (counters: {@code dialog}), {@code tgdialog.store.operations} (timer: {@code op},
 * {@code outcome}) and {@code tgdialog.errors} (counter: {@code type}). Those of a closed set of tags (refused clicks,
 * errors, store operations) exist from the first binding, at zero; the others appear with their first event.
 *
 * <p>Every tag takes its value from a small closed set, never a user or chat id: update kinds, outcome and reason
 * names, the Bot API's method names ({@code other} for a method of one's own), HTTP-range error codes, and the ids of
 * the bot's dialogs (at most {@value #MAX_DIALOGS}; past that {@code other}). Each meter is made once and kept, so an
 * event costs a map or array read and the recording, no tag array built. Bound to several registries, it records to
 * all of them; an event before the first binding is not kept. Thread-safe.
 */
public final class TgdialogMetrics implements BotEvents, MeterBinder {
    /** The tag value of a method outside the Bot API, an error code outside HTTP's range, or a dialog past the bound. */
    static final String OTHER = "other";

    /** At most this many dialog ids become tag values; a bot registers far fewer. */
    static final int MAX_DIALOGS = 500;

    private static final String NONE = "none";
    private static final int FIRST_CODE = 100;
    private static final int LAST_CODE = 599;
    private static final UpdateOutcome[] UPDATE_OUTCOMES = UpdateOutcome.values();
    private static final CallOutcome[] CALL_OUTCOMES = CallOutcome.values();
    private static final ClickRejection[] REASONS = ClickRejection.values();
    private static final StoreOperation[] OPERATIONS = StoreOperation.values();
    private static final StoreOutcome[] STORE_OUTCOMES = StoreOutcome.values();
    private static final ErrorKind[] ERROR_KINDS = ErrorKind.values();

    /** Every registry this is bound to; meters are made here and exist in each. */
    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();

    private final AtomicBoolean bound = new AtomicBoolean();
    private final AtomicInteger active = new AtomicInteger();
    private final Map<String, Slots<Timer>> updates = new ConcurrentHashMap<>();
    private final Map<String, CallMeters> calls = new ConcurrentHashMap<>();
    private final Map<String, Counter> started = new ConcurrentHashMap<>();
    private final Map<String, Counter> finished = new ConcurrentHashMap<>();

    private final Slots<Counter> rejected = new Slots<>(
            REASONS.length,
            i -> Counter.builder("tgdialog.clicks.rejected")
                    .description("Clicks on the bot's buttons refused with a toast")
                    .tag("reason", tag(REASONS[i]))
                    .register(meters));

    private final Slots<Timer> store = new Slots<>(
            OPERATIONS.length * STORE_OUTCOMES.length,
            i -> Timer.builder("tgdialog.store.operations")
                    .description("Reads and compare-and-set writes of dialog stacks")
                    .tag("op", tag(OPERATIONS[i / STORE_OUTCOMES.length]))
                    .tag("outcome", tag(STORE_OUTCOMES[i % STORE_OUTCOMES.length]))
                    .register(meters));

    private final Slots<Counter> errors = new Slots<>(
            ERROR_KINDS.length,
            i -> Counter.builder("tgdialog.errors")
                    .description("Errors met while handling updates")
                    .tag("type", tag(ERROR_KINDS[i]))
                    .register(meters));

    /** Meters not bound to any registry yet: {@link #bindTo} adds one. */
    public TgdialogMetrics() {}

    /**
     * Records into {@code registry} too, from now on. Bind before the bot runs: what happened before the first binding
     * is not counted (and Micrometer says so when a later registry is added to meters already made).
     *
     * @param registry the registry to record into
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        meters.add(registry);
        if (bound.compareAndSet(false, true)) {
            // The closed sets at zero from the start, so a rate over them means something before their first event.
            Gauge.builder("tgdialog.updates.active", active, AtomicInteger::get)
                    .description("Updates received and not yet handled")
                    .register(meters);
            rejected.all();
            store.all();
            errors.all();
        }
    }

    @Override
    public void updateReceived(String kind) {
        active.incrementAndGet();
    }

    @Override
    public void updateHandled(String kind, UpdateOutcome outcome, long nanos) {
        active.decrementAndGet();
        Slots<Timer> byOutcome = updates.get(kind);
        if (byOutcome == null) {
            byOutcome = updates.computeIfAbsent(kind, this::updateTimers);
        }
        byOutcome.get(outcome.ordinal()).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Slots<Timer> updateTimers(String kind) {
        return new Slots<>(
                UPDATE_OUTCOMES.length,
                i -> Timer.builder("tgdialog.updates")
                        .description("Updates handled, from arrival until intake may acknowledge them")
                        .tag("kind", kind)
                        .tag("outcome", tag(UPDATE_OUTCOMES[i]))
                        .register(meters));
    }

    @Override
    public void apiCall(String method, CallOutcome outcome, int errorCode, long nanos) {
        CallMeters call = calls(method);
        Timer timer = outcome == CallOutcome.ERROR
                ? call.errors.get(
                        errorCode >= FIRST_CODE && errorCode <= LAST_CODE ? errorCode - FIRST_CODE : call.otherCode)
                : call.byOutcome.get(outcome.ordinal());
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void rateLimited(String method, long retryAfterSeconds) {
        CallMeters call = calls(method);
        call.rateLimited.get(0).increment();
        call.waits.get(0).record(retryAfterSeconds);
    }

    private CallMeters calls(String method) {
        CallMeters found = calls.get(method);
        if (found != null) {
            return found;
        }
        // A name outside the Bot API shares the meters of "other", so method tags stay a known set.
        return calls.computeIfAbsent(BotApiMethods.contains(method) ? method : OTHER, CallMeters::new);
    }

    @Override
    public void clickRejected(ClickRejection reason) {
        rejected.get(reason.ordinal()).increment();
    }

    @Override
    public void dialogStarted(String dialogId) {
        dialogCounter(started, "tgdialog.dialogs.started", "Dialogs opened", dialogId)
                .increment();
    }

    @Override
    public void dialogFinished(String dialogId) {
        dialogCounter(finished, "tgdialog.dialogs.finished", "Dialogs that finished with a result or done", dialogId)
                .increment();
    }

    private Counter dialogCounter(Map<String, Counter> counters, String name, String description, String dialogId) {
        Counter found = counters.get(dialogId);
        if (found != null) {
            return found;
        }
        String tag = counters.size() < MAX_DIALOGS ? dialogId : OTHER;
        return counters.computeIfAbsent(
                tag,
                id -> Counter.builder(name)
                        .description(description)
                        .tag("dialog", id)
                        .register(meters));
    }

    @Override
    public void storeCall(StoreOperation operation, StoreOutcome outcome, long nanos) {
        store.get(operation.ordinal() * STORE_OUTCOMES.length + outcome.ordinal())
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void error(ErrorKind kind, Throwable error) {
        errors.get(kind.ordinal()).increment();
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Meters by index, each made on first use and kept. Two threads may race to make one: Micrometer hands both the
     * same registered meter, so either may win.
     */
    private static final class Slots<M> {
        private final AtomicReferenceArray<M> made;
        private final IntFunction<M> make;

        Slots(int size, IntFunction<M> make) {
            this.made = new AtomicReferenceArray<>(size);
            this.make = make;
        }

        M get(int index) {
            M meter = made.get(index);
            if (meter == null) {
                meter = make.apply(index);
                made.set(index, meter);
            }
            return meter;
        }

        /** Makes every meter now. */
        void all() {
            for (int i = 0; i < made.length(); i++) {
                get(i);
            }
        }
    }

    /** One method's meters: a timer per outcome (per error code for errors) and its rate limits. */
    private final class CallMeters {
        final Slots<Timer> byOutcome;
        /** Error timers by HTTP-range code, the codes outside that range sharing the last slot. */
        final Slots<Timer> errors;

        final int otherCode = LAST_CODE - FIRST_CODE + 1;
        final Slots<Counter> rateLimited;
        final Slots<DistributionSummary> waits;

        CallMeters(String method) {
            this.byOutcome = new Slots<>(CALL_OUTCOMES.length, i -> timer(method, CALL_OUTCOMES[i], NONE));
            this.errors = new Slots<>(
                    otherCode + 1,
                    i -> timer(method, CallOutcome.ERROR, i == otherCode ? OTHER : Integer.toString(i + FIRST_CODE)));
            this.rateLimited = new Slots<>(
                    1,
                    i -> Counter.builder("tgdialog.api.rate_limited")
                            .description("Bot API calls answered 429 Too Many Requests")
                            .tag("method", method)
                            .register(meters));
            this.waits = new Slots<>(
                    1,
                    i -> DistributionSummary.builder("tgdialog.api.rate_limited.wait")
                            .description("How long Telegram asked to wait after a 429 (retry_after)")
                            .baseUnit("seconds")
                            .tag("method", method)
                            .register(meters));
        }

        private Timer timer(String method, CallOutcome outcome, String code) {
            return Timer.builder("tgdialog.api.calls")
                    .description("Requests of Bot API calls, each repeat one more")
                    .tag("method", method)
                    .tag("outcome", tag(outcome))
                    .tag("code", code)
                    .register(meters);
        }
    }
}
