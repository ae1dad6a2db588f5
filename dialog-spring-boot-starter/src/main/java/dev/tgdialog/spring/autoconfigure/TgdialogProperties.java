package dev.tgdialog.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tgdialog.*} settings of a Spring Boot application: the bot's token and Bot API server, how updates come
 * in (long polling unless a webhook path is set) and where stacks are kept (Redis when a URL is set). Its
 * {@code toString()} shows neither the token nor the webhook secret nor a Redis password. An immutable value.
 *
 * @param token the bot's token from BotFather; needed to talk to Telegram, never logged
 * @param baseUrl the Bot API server, {@code https://api.telegram.org} by default (a local Bot API server's URL here)
 * @param testEnvironment whether to talk to Telegram's test environment
 * @param webhook how Telegram calls the bot instead of long polling
 * @param redis where the stacks are kept instead of in memory
 */
@ConfigurationProperties(prefix = "tgdialog")
public record TgdialogProperties(
        @Nullable String token,
        @DefaultValue("https://api.telegram.org") String baseUrl,
        @DefaultValue("false") boolean testEnvironment,
        @DefaultValue Webhook webhook,
        @DefaultValue Redis redis) {

    @Override
    public String toString() {
        return "TgdialogProperties[token=" + (token == null ? "<unset>" : "<hidden>") + ", baseUrl=" + baseUrl
                + ", testEnvironment=" + testEnvironment + ", webhook=" + webhook + ", redis=" + redis + "]";
    }

    /**
     * The webhook, served by the application's own web server (Spring MVC) at {@code path} when that is set; long
     * polling otherwise.
     *
     * @param path where Telegram's calls are taken, for example {@code /telegram/webhook}; unset: long polling
     * @param secret the secret Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token} (1-256 of
     *     {@code A-Z a-z 0-9 _ -}); required with a path
     * @param url the public HTTPS URL Telegram calls (the path on your domain); when set, it is registered with
     *     {@code setWebhook} as the application starts
     * @param maxInFlight how many updates may be handled at once before further calls get 503
     */
    public record Webhook(
            @Nullable String path,
            @Nullable String secret,
            @Nullable String url,
            @DefaultValue("256") int maxInFlight) {

        @Override
        public String toString() {
            return "Webhook[path=" + path + ", secret=" + (secret == null ? "<unset>" : "<hidden>") + ", url=" + url
                    + ", maxInFlight=" + maxInFlight + "]";
        }
    }

    /**
     * The Redis store ({@code dialog-redis}): used when the context holds a Jedis client ({@code UnifiedJedis} or a
     * subclass such as {@code RedisClient}) or {@code url} is set.
     *
     * @param url the Redis to connect to when the context has no Jedis client, for example
     *     {@code redis://localhost:6379}
     * @param keyPrefix what every key of the bot starts with
     * @param ttl how long a stack no update touched is kept
     */
    public record Redis(
            @Nullable String url,
            @DefaultValue("tgdialog:") String keyPrefix,
            @DefaultValue("7d") Duration ttl) {

        @Override
        public String toString() {
            return "Redis[url=" + withoutPassword(url) + ", keyPrefix=" + keyPrefix + ", ttl=" + ttl + "]";
        }

        private static @Nullable String withoutPassword(@Nullable String url) {
            if (url == null) {
                return null;
            }
            try {
                URI uri = URI.create(url);
                return uri.getRawUserInfo() == null ? url : url.replace(uri.getRawUserInfo() + "@", "<hidden>@");
            } catch (IllegalArgumentException e) {
                return "<not a URL>";
            }
        }
    }
}
