/**
 * Telegram's parse modes (HTML, MarkdownV2 and legacy Markdown) read as the Bot API server reads them: the visible
 * text, the markup around it, and the server's own descriptions of broken markup; and the cutting of a formatted
 * text to a length limit without breaking a character or the markup. Not API.
 */
@NullMarked
package dev.tgdialog.internal.text;

import org.jspecify.annotations.NullMarked;
