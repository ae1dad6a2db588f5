/**
 * Update intake, both ways Telegram delivers: {@link dev.tgdialog.updates.LongPolling} and
 * {@link dev.tgdialog.updates.WebhookServer}, each handing updates to one {@link dev.tgdialog.updates.UpdateHandler}.
 */
@NullMarked
package dev.tgdialog.updates;

import org.jspecify.annotations.NullMarked;
