/**
 * Micrometer meters of a bot: {@link dev.tgdialog.micrometer.TgdialogMetrics}, a {@code BotEvents} listener and
 * {@code MeterBinder} in one, whose tags never name a user or a chat.
 */
@NullMarked
package dev.tgdialog.micrometer;

import org.jspecify.annotations.NullMarked;
