package dev.tgdialog.demo;

import dev.tgdialog.micrometer.TgdialogMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The demo's meters, when {@code METRICS} asks for them: the bot's events ({@link TgdialogMetrics}) in a Prometheus
 * registry, whose scrape text the emulator serves at {@value #PATH}. Thread-safe.
 */
final class DemoMetrics {
    /** Where the scrape text is served. */
    static final String PATH = "/metrics";

    /** The content type of Prometheus's text format (the emulator adds the charset). */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4";

    private final TgdialogMetrics events = new TgdialogMetrics();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    DemoMetrics() {
        events.bindTo(registry);
    }

    /** Whether {@code METRICS} asks for meters: {@code 1}, {@code true} or {@code yes}. */
    static boolean asked(@Nullable String setting) {
        return setting != null
                && Set.of("1", "true", "yes").contains(setting.strip().toLowerCase(Locale.ROOT));
    }

    /** The listener to give the bot. */
    TgdialogMetrics events() {
        return events;
    }

    /** Every meter now, in Prometheus's text format. */
    String scrape() {
        return registry.scrape();
    }
}
