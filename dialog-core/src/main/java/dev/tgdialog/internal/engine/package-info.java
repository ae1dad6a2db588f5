/** The dialog engine: routing, transitions, rendering, presenting, callback data. Not API. */
@NullMarked
package dev.tgdialog.internal.engine;

import org.jspecify.annotations.NullMarked;
