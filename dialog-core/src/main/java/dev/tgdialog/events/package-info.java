/**
 * What a running bot reports as it works: {@link dev.tgdialog.events.BotEvents}, one listener interface whose
 * methods all do nothing by default, and the small enums its events carry. Metrics, tracing and audit logs are built
 * on it ({@code dialog-micrometer} turns it into meters); register one with {@code DialogBot.Builder.events}.
 */
@NullMarked
package dev.tgdialog.events;

import org.jspecify.annotations.NullMarked;
