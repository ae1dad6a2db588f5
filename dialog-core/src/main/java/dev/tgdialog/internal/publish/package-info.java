/** Publishing what a bot declares about itself to Telegram (commands, profile, menu button), idempotently. Not API. */
@NullMarked
package dev.tgdialog.internal.publish;

import org.jspecify.annotations.NullMarked;
