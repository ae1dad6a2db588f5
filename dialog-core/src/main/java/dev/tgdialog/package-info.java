/** What a bot author touches: the dialog bot, its dialogs and windows, and the time source it runs on. */
@NullMarked
package dev.tgdialog;

import org.jspecify.annotations.NullMarked;
