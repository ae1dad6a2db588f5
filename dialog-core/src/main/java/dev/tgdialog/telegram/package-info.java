/**
 * The Bot API client: {@link dev.tgdialog.telegram.TelegramClient} executes any
 * {@link dev.tgdialog.telegram.BotMethod} of {@code dev.tgdialog.telegram.methods} with retries
 * ({@link dev.tgdialog.telegram.RetryPolicy}) and pacing ({@link dev.tgdialog.telegram.Pacing}), over a
 * {@link dev.tgdialog.telegram.Transport} (OkHttp, or the JDK's own HTTP client); files to send are
 * {@link dev.tgdialog.telegram.InputFile}s, and what Telegram refuses is a {@link dev.tgdialog.telegram.TelegramException}.
 */
@NullMarked
package dev.tgdialog.telegram;

import org.jspecify.annotations.NullMarked;
