/**
 * Update intake, both ways Telegram delivers: {@link dev.tgdialog.updates.LongPolling} and
 * {@link dev.tgdialog.updates.WebhookServer} (or {@link dev.tgdialog.updates.WebhookHandler} inside an HTTP server of
 * your own), each handing updates to one {@link dev.tgdialog.updates.UpdateHandler}, such as
 * {@link dev.tgdialog.DialogBot#handler()}.
 */
@NullMarked
package dev.tgdialog.updates;

import org.jspecify.annotations.NullMarked;
