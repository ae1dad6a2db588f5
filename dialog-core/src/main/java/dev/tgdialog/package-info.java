/**
 * What a bot author touches: the {@link dev.tgdialog.DialogBot} (built once, fed updates by long polling, a webhook
 * or the test harness), its {@link dev.tgdialog.Dialog}s of {@link dev.tgdialog.Window}s named by the author's
 * {@link dev.tgdialog.WindowId} enums, typed data under {@link dev.tgdialog.Key}s, and handlers that get a
 * {@link dev.tgdialog.DialogContext} and return a {@link dev.tgdialog.Transition}. The widgets live in
 * {@code dev.tgdialog.widgets} (module dialog-widgets).
 */
@NullMarked
package dev.tgdialog;

import org.jspecify.annotations.NullMarked;
