package dev.tgdialog.internal;

import dev.tgdialog.events.BotEvents;
import dev.tgdialog.events.CallOutcome;
import dev.tgdialog.events.ClickRejection;
import dev.tgdialog.events.ErrorKind;
import dev.tgdialog.events.StoreOperation;
import dev.tgdialog.events.StoreOutcome;
import dev.tgdialog.events.UpdateOutcome;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener's calls with its failures caught: a listener watches, so what it throws must never fail the update, the
 * call or the save it was told about. The first failure is logged at ERROR with its trace, later ones at DEBUG (a
 * listener that throws on every event would otherwise flood the log). Thread-safe.
 */
public final class GuardedEvents implements BotEvents {
    private static final Logger log = LoggerFactory.getLogger(GuardedEvents.class);

    private final BotEvents listener;
    private final AtomicBoolean failed = new AtomicBoolean();

    private GuardedEvents(BotEvents listener) {
        this.listener = listener;
    }

    /**
     * The listener guarded; {@link BotEvents#NONE} and a guarded one as they are, so a check for NONE stays cheap.
     *
     * @param listener the listener to guard
     * @return a listener whose calls never throw
     */
    public static BotEvents of(BotEvents listener) {
        return listener == BotEvents.NONE || listener instanceof GuardedEvents ? listener : new GuardedEvents(listener);
    }

    @Override
    public void updateReceived(String kind) {
        try {
            listener.updateReceived(kind);
        } catch (RuntimeException | LinkageError e) {
            failed("updateReceived", e);
        }
    }

    @Override
    public void updateHandled(String kind, UpdateOutcome outcome, long nanos) {
        try {
            listener.updateHandled(kind, outcome, nanos);
        } catch (RuntimeException | LinkageError e) {
            failed("updateHandled", e);
        }
    }

    @Override
    public void apiCall(String method, CallOutcome outcome, int errorCode, long nanos) {
        try {
            listener.apiCall(method, outcome, errorCode, nanos);
        } catch (RuntimeException | LinkageError e) {
            failed("apiCall", e);
        }
    }

    @Override
    public void rateLimited(String method, long retryAfterSeconds) {
        try {
            listener.rateLimited(method, retryAfterSeconds);
        } catch (RuntimeException | LinkageError e) {
            failed("rateLimited", e);
        }
    }

    @Override
    public void clickRejected(ClickRejection reason) {
        try {
            listener.clickRejected(reason);
        } catch (RuntimeException | LinkageError e) {
            failed("clickRejected", e);
        }
    }

    @Override
    public void dialogStarted(String dialogId) {
        try {
            listener.dialogStarted(dialogId);
        } catch (RuntimeException | LinkageError e) {
            failed("dialogStarted", e);
        }
    }

    @Override
    public void dialogFinished(String dialogId) {
        try {
            listener.dialogFinished(dialogId);
        } catch (RuntimeException | LinkageError e) {
            failed("dialogFinished", e);
        }
    }

    @Override
    public void storeCall(StoreOperation operation, StoreOutcome outcome, long nanos) {
        try {
            listener.storeCall(operation, outcome, nanos);
        } catch (RuntimeException | LinkageError e) {
            failed("storeCall", e);
        }
    }

    @Override
    public void error(ErrorKind kind, Throwable error) {
        try {
            listener.error(kind, error);
        } catch (RuntimeException | LinkageError e) {
            failed("error", e);
        }
    }

    private void failed(String event, Throwable e) {
        if (failed.compareAndSet(false, true)) {
            log.error(
                    "The BotEvents listener {} threw on {}; ignored, the bot goes on (its later failures are logged at"
                            + " DEBUG)",
                    listener.getClass().getName(),
                    event,
                    e);
        } else {
            log.debug(
                    "The BotEvents listener {} threw on {}: {}",
                    listener.getClass().getName(),
                    event,
                    e.toString());
        }
    }

    @Override
    public String toString() {
        return "GuardedEvents[" + listener + "]";
    }
}
