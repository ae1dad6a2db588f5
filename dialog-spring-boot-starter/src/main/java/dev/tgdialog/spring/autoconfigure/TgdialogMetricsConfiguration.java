package dev.tgdialog.spring.autoconfigure;

import dev.tgdialog.micrometer.TgdialogMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bot's meters, when {@code dialog-micrometer} and Micrometer are on the class path: one {@link TgdialogMetrics}
 * (the bot's event listener), bound to every {@link MeterRegistry} of the context. Spring Boot's actuator binds
 * {@code MeterBinder} beans to its registries as well; binding one registry twice changes nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"dev.tgdialog.micrometer.TgdialogMetrics", "io.micrometer.core.instrument.MeterRegistry"})
class TgdialogMetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TgdialogMetrics tgdialogMetrics(ObjectProvider<MeterRegistry> registries) {
        TgdialogMetrics metrics = new TgdialogMetrics();
        registries.orderedStream().forEach(metrics::bindTo);
        return metrics;
    }
}
