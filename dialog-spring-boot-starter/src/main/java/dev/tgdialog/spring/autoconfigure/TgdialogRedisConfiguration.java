package dev.tgdialog.spring.autoconfigure;

import dev.tgdialog.redis.RedisDialogs;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.store.UpdateIsolation;
import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis pair ({@link RedisDialogs}) as the bot's store and isolation, when {@code dialog-redis} is on the class
 * path and the context has one Jedis client or {@code tgdialog.redis.url} is set (a {@code RedisClient} is then made
 * for it, and closed with the context). The pair is closed with the context; a client of the application's stays
 * open.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"dev.tgdialog.redis.RedisDialogs", "redis.clients.jedis.UnifiedJedis"})
class TgdialogRedisConfiguration implements BeanClassLoaderAware {

    /** Jedis 7's standalone client, which Spring Boot's own Jedis version (6) does not have. */
    private static final String JEDIS_7_CLASS = "redis.clients.jedis.RedisClient";

    private @Nullable ClassLoader classLoader;

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Bean
    @ConditionalOnMissingBean(UnifiedJedis.class)
    @ConditionalOnProperty(prefix = "tgdialog.redis", name = "url")
    UnifiedJedis tgdialogRedisClient(TgdialogProperties properties) {
        requireJedis7();
        String url = Objects.requireNonNull(properties.redis().url(), "tgdialog.redis.url");
        return redis.clients.jedis.RedisClient.create(URI.create(url));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(UnifiedJedis.class)
    RedisDialogs tgdialogRedisDialogs(UnifiedJedis redis, TgdialogProperties properties) {
        requireJedis7();
        return RedisDialogs.builder(redis)
                .keyPrefix(properties.redis().keyPrefix())
                .ttl(properties.redis().ttl())
                .build();
    }

    // The pair owns both parts and closes them: the beans below are views of it, not closed on their own.

    @Bean(destroyMethod = "")
    @ConditionalOnBean(RedisDialogs.class)
    @ConditionalOnMissingBean
    StackStore tgdialogRedisStackStore(RedisDialogs redis) {
        return redis.store();
    }

    @Bean(destroyMethod = "")
    @ConditionalOnBean(RedisDialogs.class)
    @ConditionalOnMissingBean
    UpdateIsolation tgdialogRedisIsolation(RedisDialogs redis) {
        return redis.isolation();
    }

    /**
     * Fails with the fix when an older Jedis won: Spring Boot's dependency management (its parent POM or BOM) pins
     * Jedis 6, whose classes {@code dialog-redis} cannot run on.
     */
    private void requireJedis7() {
        if (!ClassUtils.isPresent(JEDIS_7_CLASS, classLoader)) {
            throw new IllegalStateException("tgdialog's Redis store needs Jedis 7, and an older Jedis is on the class"
                    + " path: Spring Boot's dependency management pins Jedis 6. Set the Maven property"
                    + " <jedis.version> to the version tgdialog names (see its README, \"Spring Boot\").");
        }
    }
}
