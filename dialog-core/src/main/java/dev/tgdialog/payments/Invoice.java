package dev.tgdialog.payments;

import dev.tgdialog.DialogContext;
import dev.tgdialog.spi.TextWidget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An invoice as a window shows it ({@code Window.Builder.invoice}): what is sold, for how much, in which currency
 * (Telegram Stars, {@code XTR}, or a payment provider's currency with its token), and what happens when it is paid.
 * The window's message is the invoice, with a Pay button first and the window's buttons after it. Checked when the
 * window is built, with an error naming the window; amounts (in the currency's smallest unit) are checked when shown.
 * Immutable.
 *
 * <pre>{@code
 * Invoice.stars("Pizza", ctx -> order(ctx).describe())
 *     .price("Pizza", ctx -> order(ctx).stars())
 *     .onPaid((ctx, payment) -> Transition.next())
 *     .build()
 * }</pre>
 */
public final class Invoice {
    /** The currency of Telegram Stars. */
    public static final String STARS = "XTR";

    private static final int TITLE = 32;
    private static final int DESCRIPTION = 255;

    /** An amount in the currency's smallest unit (cents; for Stars, stars), read when the invoice is shown. */
    @FunctionalInterface
    public interface Amount {
        long amount(DialogContext ctx) throws Exception;
    }

    /** One line of the bill. */
    public record Price(String label, Amount amount) {
        public Price {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** The buyer's details Telegram asks for before paying (for a provider's currency; Stars ask for none). */
    public enum Need {
        NAME,
        PHONE,
        EMAIL,
        SHIPPING_ADDRESS
    }

    private final TextWidget title;
    private final @Nullable String staticTitle;
    private final TextWidget description;
    private final @Nullable String staticDescription;
    private final String currency;
    private final @Nullable String providerToken;
    private final List<Price> prices;
    private final @Nullable String photoUrl;
    private final List<Need> needs;
    private final boolean flexible;
    private final TextWidget payLabel;
    private final java.time.@Nullable Duration subscription;
    private final @Nullable PreCheckoutHandler onPreCheckout;
    private final @Nullable PaymentHandler onPaid;
    private final @Nullable ShippingHandler onShipping;

    private Invoice(Builder b) {
        this.title = b.title;
        this.staticTitle = b.staticTitle;
        this.description = b.description;
        this.staticDescription = b.staticDescription;
        this.currency = b.currency;
        this.providerToken = b.providerToken;
        this.prices = List.copyOf(b.prices);
        this.photoUrl = b.photoUrl;
        this.needs = List.copyOf(b.needs);
        this.flexible = b.flexible;
        this.payLabel = b.payLabel;
        this.subscription = b.subscription;
        this.onPreCheckout = b.onPreCheckout;
        this.onPaid = b.onPaid;
        this.onShipping = b.onShipping;
    }

    /** An invoice in Telegram Stars: no provider token, one price. */
    public static Builder stars(String title, String description) {
        return new Builder(STARS, plain(title), title, plain(description), description);
    }

    /** An invoice in Telegram Stars whose description is made for each render (the order so far, say). */
    public static Builder stars(String title, TextWidget description) {
        return new Builder(STARS, plain(title), title, description, null);
    }

    /** An invoice in a provider's {@code currency} (ISO 4217: {@code EUR}); set {@link Builder#providerToken}. */
    public static Builder of(String currency, String title, TextWidget description) {
        return new Builder(currency, plain(title), title, description, null);
    }

    private static TextWidget plain(String text) {
        Objects.requireNonNull(text, "text");
        return ctx -> text;
    }

    public TextWidget title() {
        return title;
    }

    public TextWidget description() {
        return description;
    }

    public String currency() {
        return currency;
    }

    public @Nullable String providerToken() {
        return providerToken;
    }

    public List<Price> prices() {
        return prices;
    }

    public @Nullable String photoUrl() {
        return photoUrl;
    }

    public List<Need> needs() {
        return needs;
    }

    public boolean flexible() {
        return flexible;
    }

    /** The label of the Pay button ({@code ⭐} and {@code XTR} in it show as a star). */
    public TextWidget payLabel() {
        return payLabel;
    }

    /** The period a Stars subscription renews after, for an invoice link; null for a one-off payment. */
    public java.time.@Nullable Duration subscription() {
        return subscription;
    }

    public @Nullable PreCheckoutHandler onPreCheckout() {
        return onPreCheckout;
    }

    public @Nullable PaymentHandler onPaid() {
        return onPaid;
    }

    public @Nullable ShippingHandler onShipping() {
        return onShipping;
    }

    /**
     * Throws unless Telegram would take this invoice: title 1–32 and description 1–255 characters (where fixed), a
     * three-letter currency, at least one price; for Stars exactly one price, no provider token, no buyer details and
     * no flexible shipping; for another currency a provider token. The message begins with {@code where} (the
     * window); windows call this when they are built.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public void check(String where) {
        String problem = problem();
        if (problem != null) {
            throw new IllegalArgumentException(where + ": the invoice " + problem);
        }
    }

    private @Nullable String problem() {
        if (staticTitle != null && (staticTitle.isEmpty() || staticTitle.length() > TITLE)) {
            return "title is 1-" + TITLE + " characters, was " + staticTitle.length();
        }
        if (staticDescription != null && (staticDescription.isEmpty() || staticDescription.length() > DESCRIPTION)) {
            return "description is 1-" + DESCRIPTION + " characters, was " + staticDescription.length();
        }
        if (!currency.matches("[A-Z]{3}")) {
            return "currency is three capital letters (ISO 4217, or XTR for Stars), was \"" + currency + "\"";
        }
        if (prices.isEmpty()) {
            return "has no price";
        }
        if (currency.equals(STARS)) {
            if (prices.size() != 1) {
                return "in Telegram Stars has exactly one price, had " + prices.size();
            }
            if (providerToken != null && !providerToken.isEmpty()) {
                return "in Telegram Stars takes no provider token";
            }
            if (!needs.isEmpty() || flexible) {
                return "in Telegram Stars asks for no buyer details and has no flexible shipping";
            }
            if (subscription != null && !subscription.equals(java.time.Duration.ofDays(30))) {
                return "subscription renews every 30 days (the one period Telegram takes), was " + subscription;
            }
        } else if (providerToken == null || providerToken.isEmpty()) {
            return "in " + currency + " needs the payment provider's token";
        } else if (subscription != null) {
            return "subscription is paid in Telegram Stars only";
        } else if (flexible != (onShipping != null)) {
            return flexible
                    ? "is flexible but has no onShipping to answer where it ships"
                    : "has onShipping but is not flexible()";
        }
        return null;
    }

    @Override
    public String toString() {
        return "Invoice[" + (staticTitle != null ? staticTitle : "(made per render)") + ", "
                + currency.toUpperCase(Locale.ROOT) + ", " + prices.size() + " prices]";
    }

    /** Settings of an {@link Invoice}. */
    public static final class Builder {
        private final String currency;
        private final TextWidget title;
        private final @Nullable String staticTitle;
        private final TextWidget description;
        private final @Nullable String staticDescription;
        private @Nullable String providerToken;
        private final List<Price> prices = new ArrayList<>();
        private @Nullable String photoUrl;
        private final List<Need> needs = new ArrayList<>();
        private boolean flexible;
        private TextWidget payLabel = plain("Pay");
        private java.time.@Nullable Duration subscription;
        private @Nullable PreCheckoutHandler onPreCheckout;
        private @Nullable PaymentHandler onPaid;
        private @Nullable ShippingHandler onShipping;

        private Builder(
                String currency,
                TextWidget title,
                @Nullable String staticTitle,
                TextWidget description,
                @Nullable String staticDescription) {
            this.currency = Objects.requireNonNull(currency, "currency");
            this.title = title;
            this.staticTitle = staticTitle;
            this.description = Objects.requireNonNull(description, "description");
            this.staticDescription = staticDescription;
        }

        /** The payment provider's token (from BotFather), for a currency other than Stars. */
        public Builder providerToken(String token) {
            this.providerToken = Objects.requireNonNull(token, "token");
            return this;
        }

        /** A line of the bill whose amount is read when the invoice is shown. */
        public Builder price(String label, Amount amount) {
            prices.add(new Price(label, amount));
            return this;
        }

        /** A line of the bill with a fixed amount. */
        public Builder price(String label, long amount) {
            return price(label, ctx -> amount);
        }

        /** A photo of what is sold, by URL. */
        public Builder photo(String url) {
            this.photoUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /** Buyer details Telegram asks for before paying. */
        public Builder need(Need... needs) {
            this.needs.addAll(List.of(needs));
            return this;
        }

        /** The price depends on the shipping method (a provider's currency only). */
        public Builder flexible() {
            this.flexible = true;
            return this;
        }

        /** The Pay button's label ({@code "Pay"} by default). */
        public Builder payLabel(String label) {
            return payLabel(plain(label));
        }

        /** The Pay button's label made for each render (in the user's language, say). */
        public Builder payLabel(TextWidget label) {
            this.payLabel = Objects.requireNonNull(label, "label");
            return this;
        }

        /**
         * Sells a Telegram Stars subscription that renews every {@code period} (30 days, the one period Telegram
         * takes): for an invoice link ({@link dev.tgdialog.DialogContext#invoiceLink}), which a window cannot show.
         */
        public Builder subscription(java.time.Duration period) {
            this.subscription = Objects.requireNonNull(period, "period");
            return this;
        }

        /** Decides, before the user is charged, whether the payment may go ahead; without one, it always may. */
        public Builder onPreCheckout(PreCheckoutHandler handler) {
            this.onPreCheckout = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Answers where a {@link #flexible()} invoice ships, and for how much, once the buyer gave their address; a
         * flexible invoice needs one.
         */
        public Builder onShipping(ShippingHandler handler) {
            this.onShipping = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** What the dialog does once the payment went through: once per charge, even when Telegram repeats it. */
        public Builder onPaid(PaymentHandler handler) {
            this.onPaid = Objects.requireNonNull(handler, "handler");
            return this;
        }

        public Invoice build() {
            return new Invoice(this);
        }
    }
}
