/** HTTP details of the Bot API client: request encoding, pacing, token redaction. Not API. */
@NullMarked
package dev.tgdialog.internal.http;

import org.jspecify.annotations.NullMarked;
