/**
 * JSON mapping of the Bot API model with Gson: the shared {@link dev.tgdialog.internal.json.Json#gson()} and the
 * adapters the generated model needs. Not API.
 */
@NullMarked
package dev.tgdialog.internal.json;

import org.jspecify.annotations.NullMarked;
