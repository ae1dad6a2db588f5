/** Publishing what a bot declares about itself to Telegram (its command lists), idempotently. Not API. */
@NullMarked
package dev.tgdialog.internal.publish;

import org.jspecify.annotations.NullMarked;
