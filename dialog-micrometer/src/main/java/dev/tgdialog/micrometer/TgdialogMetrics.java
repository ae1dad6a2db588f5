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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bot's {@link BotEvents} as Micrometer meters. Give it to the bot and bind it to a registry, in either order:
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
 * {@code outcome}) and {@code tgdialog.errors} (counter: {@code type}).
 *
 * <p>Every tag takes its value from a small closed set, never a user or chat id: update kinds, outcome and reason
 * names, the Bot API's method names ({@code other} for a method of one's own), HTTP-range error codes, and the ids of
 * the bot's dialogs (at most {@value #MAX_DIALOGS}; past that {@code other}). Meters are made once per tag value and
 * kept, so an event costs a map read or an array read and the recording, no tag array built. Bound to several
 * registries, it records to all of them. Thread-safe.
 */
public final class TgdialogMetrics implements BotEvents, MeterBinder {
    /** The tag value of a method outside the Bot API, an error code outside HTTP's range, or a dialog past the bound. */
    static final String OTHER = "other";

    /** At most this many dialog ids become tag values; a bot registers far fewer. */
    static final int MAX_DIALOGS = 500;

    private static final String NONE = "none";
    private static final int FIRST_CODE = 100;
    private static final int LAST_CODE = 599;

    /** Every registry this is bound to; meters are made here and exist in each. */
    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();

    private final AtomicInteger active = new AtomicInteger();
    private final Map<String, Timer[]> updates = new ConcurrentHashMap<>();
    private final Map<String, CallMeters> calls = new ConcurrentHashMap<>();
    private final Counter[] rejected = new Counter[ClickRejection.values().length];
    private final Map<String, Counter> started = new ConcurrentHashMap<>();
    private final Map<String, Counter> finished = new ConcurrentHashMap<>();
    private final Timer[][] store = new Timer[StoreOperation.values().length][StoreOutcome.values().length];
    private final Counter[] errors = new Counter[ErrorKind.values().length];

    /** Meters with no registry yet: they record once {@link #bindTo} adds one. */
    public TgdialogMetrics() {
        Gauge.builder("tgdialog.updates.active", active, AtomicInteger::get)
                .description("Updates received and not yet handled")
                .register(meters);
        for (ClickRejection reason : ClickRejection.values()) {
            rejected[reason.ordinal()] = Counter.builder("tgdialog.clicks.rejected")
                    .description("Clicks on the bot's buttons refused with a toast")
                    .tag("reason", tag(reason))
                    .register(meters);
        }
        for (StoreOperation op : StoreOperation.values()) {
            for (StoreOutcome outcome : StoreOutcome.values()) {
                store[op.ordinal()][outcome.ordinal()] = Timer.builder("tgdialog.store.operations")
                        .description("Reads and compare-and-set writes of dialog stacks")
                        .tag("op", tag(op))
                        .tag("outcome", tag(outcome))
                        .register(meters);
            }
        }
        for (ErrorKind kind : ErrorKind.values()) {
            errors[kind.ordinal()] = Counter.builder("tgdialog.errors")
                    .description("Errors met while handling updates")
                    .tag("type", tag(kind))
                    .register(meters);
        }
    }

    /** Records into {@code registry} too, from now on; meters made before appear there at once. */
    @Override
    public void bindTo(MeterRegistry registry) {
        meters.add(registry);
    }

    @Override
    public void updateReceived(String kind) {
        active.incrementAndGet();
    }

    @Override
    public void updateHandled(String kind, UpdateOutcome outcome, long nanos) {
        active.decrementAndGet();
        Timer[] byOutcome = updates.get(kind);
        if (byOutcome == null) {
            byOutcome = updates.computeIfAbsent(kind, this::updateTimers);
        }
        byOutcome[outcome.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer[] updateTimers(String kind) {
        Timer[] timers = new Timer[UpdateOutcome.values().length];
        for (UpdateOutcome outcome : UpdateOutcome.values()) {
            timers[outcome.ordinal()] = Timer.builder("tgdialog.updates")
                    .description("Updates handled, from arrival until intake may acknowledge them")
                    .tag("kind", kind)
                    .tag("outcome", tag(outcome))
                    .register(meters);
        }
        return timers;
    }

    @Override
    public void apiCall(String method, CallOutcome outcome, int errorCode, long nanos) {
        CallMeters call = calls(method);
        Timer timer = outcome == CallOutcome.ERROR ? call.error(errorCode) : call.byOutcome[outcome.ordinal()];
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void rateLimited(String method, long retryAfterSeconds) {
        CallMeters call = calls(method);
        call.rateLimited.increment();
        call.wait.record(retryAfterSeconds);
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
        rejected[reason.ordinal()].increment();
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
        store[operation.ordinal()][outcome.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void error(ErrorKind kind, Throwable error) {
        errors[kind.ordinal()].increment();
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** One method's meters: a timer per outcome (per error code for errors) and its rate limits. */
    private final class CallMeters {
        final String method;
        final Timer[] byOutcome = new Timer[CallOutcome.values().length];
        /** Error timers by code, made on first use; the codes outside HTTP's range share the last slot. */
        final AtomicReferenceArray<Timer> errors = new AtomicReferenceArray<>(LAST_CODE - FIRST_CODE + 2);

        final Counter rateLimited;
        final DistributionSummary wait;

        CallMeters(String method) {
            this.method = method;
            for (CallOutcome outcome : CallOutcome.values()) {
                if (outcome != CallOutcome.ERROR) {
                    byOutcome[outcome.ordinal()] = timer(outcome, NONE);
                }
            }
            this.rateLimited = Counter.builder("tgdialog.api.rate_limited")
                    .description("Bot API calls answered 429 Too Many Requests")
                    .tag("method", method)
                    .register(meters);
            this.wait = DistributionSummary.builder("tgdialog.api.rate_limited.wait")
                    .description("How long Telegram asked to wait after a 429 (retry_after)")
                    .baseUnit("seconds")
                    .tag("method", method)
                    .register(meters);
        }

        Timer error(int code) {
            boolean known = code >= FIRST_CODE && code <= LAST_CODE;
            int slot = known ? code - FIRST_CODE : errors.length() - 1;
            Timer timer = errors.get(slot);
            if (timer == null) {
                // Two threads may race to make it; Micrometer hands both the same registered timer.
                timer = timer(CallOutcome.ERROR, known ? Integer.toString(code) : OTHER);
                errors.set(slot, timer);
            }
            return timer;
        }

        private Timer timer(CallOutcome outcome, String code) {
            return Timer.builder("tgdialog.api.calls")
                    .description("Requests of Bot API calls, each repeat one more")
                    .tag("method", method)
                    .tag("outcome", tag(outcome))
                    .tag("code", code)
                    .register(meters);
        }
    }
}
