package dev.tgdialog.internal.engine;

import dev.tgdialog.payments.Checkout;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.methods.AnswerPreCheckoutQuery;
import dev.tgdialog.telegram.types.PreCheckoutQuery;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's side of payments that is not dialog handling: the invoice payload that names the stack, frame and
 * window an invoice came from (signed with a secret the bot keeps as a bot record, so every instance and every restart
 * reads the same one), the answer to a pre-checkout query within the bot's budget, and the charges already applied
 * (a user record). Thread-safe.
 */
final class Payments {
    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    static final String PREFIX = "tgd1|";
    /** The bot record holding the payload secret. */
    static final String SECRET_RECORD = "invoice-secret";
    /** The user record of the charges applied last, newest last, space-separated. */
    static final String CHARGES_RECORD = "payments";

    private static final int TAG_CHARS = 16;
    private static final int PAYLOAD_BYTES = 128;
    private static final int CHARGES_KEPT = 64;

    private final StackStore store;
    private final long botId;
    private final TelegramClient answers;
    private final dev.tgdialog.TimeSource time;
    private final Duration budget;
    private final String timeoutText;
    private final dev.tgdialog.events.BotEvents events;
    private volatile byte @Nullable [] secret;

    /** What a payload names: the stack, the frame and the window whose invoice it is. */
    record Target(StackKey key, String frameId, String windowId) {}

    Payments(
            StackStore store,
            long botId,
            TelegramClient answers,
            dev.tgdialog.TimeSource time,
            Duration budget,
            String timeoutText,
            dev.tgdialog.events.BotEvents events) {
        this.store = store;
        this.botId = botId;
        this.answers = answers;
        this.time = time;
        this.budget = budget;
        this.timeoutText = timeoutText;
        this.events = events;
    }

    /**
     * The payload of an invoice shown by {@code windowId} of frame {@code frameId} in {@code key}'s stack.
     *
     * @throws IllegalStateException naming the window when it would pass Telegram's 128 bytes
     */
    String payload(StackKey key, String frameId, String dialogId, String windowId) {
        String body = PREFIX + key.chatId() + "|" + key.userId() + "|" + key.threadId() + "|" + frameId + "|" + windowId
                + "|" + key.stackId();
        String payload = body + "|" + tag(body);
        if (payload.getBytes(StandardCharsets.UTF_8).length > PAYLOAD_BYTES) {
            throw new IllegalStateException("dialog " + dialogId + ", window " + windowId
                    + ": the invoice payload would pass Telegram's " + PAYLOAD_BYTES + " bytes (a shorter window id "
                    + "or stack id fits)");
        }
        return payload;
    }

    /** Whether {@code payload} is of the engine's form (signed or not). */
    static boolean looksOurs(@Nullable String payload) {
        return payload != null && payload.startsWith(PREFIX);
    }

    /** What an engine payload names; empty when it is not one or its signature does not match (logged). */
    Optional<Target> decode(String payload) {
        int last = payload.lastIndexOf('|');
        if (!looksOurs(payload) || last < 0) {
            return Optional.empty();
        }
        String body = payload.substring(0, last);
        if (!MessageDigest.isEqual(
                tag(body).getBytes(StandardCharsets.US_ASCII),
                payload.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            log.warn("An invoice payload with a wrong signature was refused: {}", payload);
            return Optional.empty();
        }
        String[] f = body.substring(PREFIX.length()).split("\\|", 6);
        if (f.length != 6) {
            return Optional.empty();
        }
        try {
            StackKey key = new StackKey(botId, Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), f[5]);
            return Optional.of(new Target(key, f[3], f[4]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Answers {@code query} with the first of {@code decision} and the budget running out (then "no", with the
     * timeout text); a decision after that is logged and dropped. Completes when answered.
     */
    CompletableFuture<Void> answerInTime(PreCheckoutQuery query, CompletableFuture<Checkout> decision) {
        AtomicBoolean answered = new AtomicBoolean();
        CompletableFuture<Void> done = new CompletableFuture<>();
        decision.whenComplete((checkout, error) -> {
            Checkout outcome = checkout;
            if (error != null || outcome == null) {
                log.error("The pre-checkout handler of payment {} failed; it is refused", query.id(), error);
                Throwable cause = dev.tgdialog.internal.Failures.cause(error);
                if (cause != null) {
                    events.error(dev.tgdialog.events.ErrorKind.HANDLER, cause);
                }
                outcome = Checkout.refuse(timeoutText);
            }
            if (answered.compareAndSet(false, true)) {
                answer(query, outcome, done);
            } else {
                log.warn(
                        "Pre-checkout {} was decided ({}) after the budget of {} ms; it was answered no already",
                        query.id(),
                        outcome instanceof Checkout.Refuse ? "no" : "yes",
                        budget.toMillis());
            }
        });
        if (!answered.get()) {
            time.delay(budget).thenRun(() -> {
                if (answered.compareAndSet(false, true)) {
                    log.warn(
                            "Pre-checkout {} was not decided within {} ms; answered no so Telegram's 10 s are kept",
                            query.id(),
                            budget.toMillis());
                    answer(query, Checkout.refuse(timeoutText), done);
                }
            });
        }
        return done;
    }

    private void answer(PreCheckoutQuery query, Checkout outcome, CompletableFuture<Void> done) {
        try {
            if (outcome instanceof Checkout.Refuse refuse) {
                answers.execute(new AnswerPreCheckoutQuery(query.id(), false, refuse.reason()));
            } else {
                answers.execute(AnswerPreCheckoutQuery.of(query.id(), true));
            }
            done.complete(null);
        } catch (RuntimeException e) {
            log.warn("Pre-checkout {} could not be answered: {}", query.id(), e.toString());
            done.completeExceptionally(e);
        }
    }

    /** Whether the user's charge {@code chargeId} was applied already (read only for payments: no cost per update). */
    boolean applied(long userId, String chargeId) {
        return charges(userId).contains(chargeId);
    }

    /** Remembers that charge {@code chargeId} of the user was applied; the oldest beyond the last 64 are forgotten. */
    void remember(long userId, String chargeId) {
        try {
            Set<String> charges = charges(userId);
            charges.add(chargeId);
            while (charges.size() > CHARGES_KEPT) {
                charges.remove(charges.iterator().next());
            }
            store.saveUserRecord(botId, userId, CHARGES_RECORD, String.join(" ", charges));
        } catch (RuntimeException e) {
            log.warn("Charge {} of user {} was applied but could not be noted: {}", chargeId, userId, e.toString());
        }
    }

    private Set<String> charges(long userId) {
        String document = store.loadUserRecord(botId, userId, CHARGES_RECORD).orElse("");
        Set<String> charges = new LinkedHashSet<>();
        for (String charge : document.split(" ")) {
            if (!charge.isEmpty()) {
                charges.add(charge);
            }
        }
        return charges;
    }

    private String tag(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            byte[] full = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(Arrays.copyOf(full, 12))
                    .substring(0, TAG_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** The payload secret: the bot record, made and stored by the first instance that needs it. */
    private byte[] secret() {
        byte[] known = secret;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (secret == null) {
                secret = loadOrMakeSecret();
            }
            return secret;
        }
    }

    private byte[] loadOrMakeSecret() {
        try {
            Optional<String> stored = store.loadBotRecord(botId, SECRET_RECORD);
            if (stored.isEmpty()) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                store.saveBotRecord(botId, SECRET_RECORD, Base64.getEncoder().encodeToString(fresh));
                // Two instances may have made one each at once: the stored one is the one all use.
                stored = store.loadBotRecord(botId, SECRET_RECORD);
            }
            return Base64.getDecoder().decode(stored.orElseThrow());
        } catch (UnsupportedOperationException e) {
            log.warn("The store keeps no bot records: invoices are signed with a secret of this process only, so an "
                    + "invoice sent before a restart cannot be paid after it");
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            return fresh;
        }
    }
}
