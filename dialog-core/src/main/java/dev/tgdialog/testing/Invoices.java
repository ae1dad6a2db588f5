package dev.tgdialog.testing;

import static dev.tgdialog.testing.Refusal.badRequest;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import dev.tgdialog.TimeSource;
import dev.tgdialog.internal.json.Json;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.LabeledPrice;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.testing.Chats.Content;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Payments on the fake: {@code sendInvoice} checked as Telegram checks it (Stars: one price and no provider token;
 * a payload of 1–128 bytes; title 1–32 and description 1–255 characters; a Pay button first when there are buttons),
 * the invoices sent, the pre-checkout queries open and {@code answerPreCheckoutQuery} accepted once within Telegram's
 * 10 seconds. Not thread-safe: {@link FakeTelegram} uses it under its one lock.
 */
final class Invoices {
    private static final Gson GSON = Json.gson();
    private static final Type PRICES = new com.google.gson.reflect.TypeToken<List<LabeledPrice>>() {}.getType();
    /** How long Telegram waits for a pre-checkout answer before it fails the payment. */
    static final Duration ANSWER_WINDOW = Duration.ofSeconds(10);

    private final Chats chats;
    private final TimeSource time;
    private final Map<String, FakeInvoice> byMessage = new HashMap<>();
    private final Map<String, Instant> open = new HashMap<>();
    private final List<PreCheckoutAnswer> answers = new ArrayList<>();
    private final Map<String, FakeInvoice> links = new HashMap<>();
    private final Map<String, Long> charges = new HashMap<>();
    private final java.util.Set<String> refunded = new java.util.HashSet<>();

    Invoices(Chats chats, TimeSource time) {
        this.chats = chats;
        this.time = time;
    }

    Map<String, Dispatcher.Handler> handlers() {
        return Map.of(
                "sendInvoice",
                this::sendInvoice,
                "createInvoiceLink",
                this::createLink,
                "answerPreCheckoutQuery",
                this::answer,
                "refundStarPayment",
                this::refund);
    }

    /** The checks {@code sendInvoice} and {@code createInvoiceLink} share; the invoice's total. */
    private static long checked(Params p, String title, String description, String payload, String currency) {
        String token = p.string("provider_token");
        if (title.isEmpty() || title.length() > 32) {
            throw badRequest("INVOICE_TITLE_INVALID" /* 1-32 characters */);
        }
        if (description.isEmpty() || description.length() > 255) {
            throw badRequest("INVOICE_DESCRIPTION_INVALID" /* 1-255 characters */);
        }
        int payloadBytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (payloadBytes < 1 || payloadBytes > 128) {
            throw badRequest("INVOICE_PAYLOAD_INVALID" /* 1-128 bytes */);
        }
        JsonElement pricesJson = p.json("prices");
        if (pricesJson == null || !pricesJson.isJsonArray()) {
            throw badRequest("can't parse prices JSON object");
        }
        List<LabeledPrice> prices = Params.read(pricesJson, PRICES, "can't parse prices JSON object");
        if (prices.isEmpty()) {
            throw badRequest("CURRENCY_TOTAL_AMOUNT_INVALID");
        }
        if (currency.equals("XTR")) {
            if (prices.size() != 1) {
                throw badRequest("STARS_INVOICE_INVALID" /* Stars take exactly one price */);
            }
            if (token != null && !token.isEmpty()) {
                throw badRequest("PAYMENT_PROVIDER_INVALID" /* Stars take no provider token */);
            }
        } else if (token == null || token.isEmpty()) {
            throw badRequest("PAYMENT_PROVIDER_INVALID");
        }
        long total = 0;
        for (LabeledPrice price : prices) {
            if (price.amount() <= 0) {
                throw badRequest("CURRENCY_TOTAL_AMOUNT_INVALID");
            }
            total += price.amount();
        }
        return total;
    }

    private JsonElement createLink(Params p) {
        String title = Objects.requireNonNull(p.string("title"));
        String description = Objects.requireNonNull(p.string("description"));
        String payload = Objects.requireNonNull(p.string("payload"));
        String currency = Objects.requireNonNull(p.string("currency"));
        long total = checked(p, title, description, payload, currency);
        if (p.has("subscription_period")
                && (!currency.equals("XTR") || p.longValue("subscription_period") != 2_592_000)) {
            throw badRequest("SUBSCRIPTION_PERIOD_INVALID" /* 30 days, in Stars */);
        }
        String link = "https://t.me/$fake" + (links.size() + 1);
        links.put(link, new FakeInvoice(0, 0, title, description, payload, currency, total));
        return new JsonPrimitive(link);
    }

    private JsonElement refund(Params p) {
        long userId = p.longValue("user_id");
        String charge = Objects.requireNonNull(p.string("telegram_payment_charge_id"));
        Long payer = charges.get(charge);
        if (payer == null || payer != userId) {
            throw badRequest("CHARGE_NOT_FOUND");
        }
        if (!refunded.add(charge)) {
            throw badRequest("CHARGE_ALREADY_REFUNDED");
        }
        return new JsonPrimitive(true);
    }

    /** Notes a payment in Stars that went through, so it can be refunded. */
    void charged(String chargeId, long userId) {
        charges.put(chargeId, userId);
    }

    boolean refunded(String chargeId) {
        return refunded.contains(chargeId);
    }

    Optional<FakeInvoice> link(String link) {
        return Optional.ofNullable(links.get(link));
    }

    private JsonElement sendInvoice(Params p) {
        long chatId = p.chatId();
        String title = Objects.requireNonNull(p.string("title"));
        String description = Objects.requireNonNull(p.string("description"));
        String payload = Objects.requireNonNull(p.string("payload"));
        String currency = Objects.requireNonNull(p.string("currency"));
        long total = checked(p, title, description, payload, currency);
        InlineKeyboardMarkup markup = MessageChecks.invoiceMarkup(p);
        chats.checkNotBlocked(chatId);
        Message sent = chats.send(chatId, new Content("invoice", description, null, markup, null, null));
        byMessage.put(
                chatId + ":" + sent.messageId(),
                new FakeInvoice(chatId, sent.messageId(), title, description, payload, currency, total));
        return GSON.toJsonTree(sent);
    }

    private JsonElement answer(Params p) {
        String id = Objects.requireNonNull(p.string("pre_checkout_query_id"));
        boolean ok = p.bool("ok");
        String error = p.string("error_message");
        if (!ok && (error == null || error.isBlank())) {
            throw badRequest("ERROR_MESSAGE_EMPTY" /* a refusal needs its reason */);
        }
        Instant opened = open.remove(id);
        if (opened == null || Duration.between(opened, time.now()).compareTo(ANSWER_WINDOW) > 0) {
            throw new Refusal(
                    400, "Bad Request: query is too old and response timeout expired or query ID is invalid", null);
        }
        answers.add(new PreCheckoutAnswer(
                id, ok, ok ? null : error, Duration.between(opened, time.now()).toMillis()));
        return new JsonPrimitive(true);
    }

    void open(String queryId) {
        open.put(queryId, time.now());
    }

    Optional<FakeInvoice> of(FakeMessage message) {
        return Optional.ofNullable(byMessage.get(message.chatId() + ":" + message.messageId()));
    }

    @Nullable
    PreCheckoutAnswer answerTo(String queryId) {
        for (PreCheckoutAnswer answer : answers) {
            if (answer.queryId().equals(queryId)) {
                return answer;
            }
        }
        return null;
    }

    List<PreCheckoutAnswer> answers() {
        return List.copyOf(answers);
    }

    /** Whether {@code button} may only be the first button of an invoice (Pay) or a game (Play). */
    static boolean special(InlineKeyboardButton button) {
        return Boolean.TRUE.equals(button.pay()) || button.callbackGame() != null;
    }
}
