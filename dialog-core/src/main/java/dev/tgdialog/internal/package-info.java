/** Small helpers shared by the internal packages and the intake. Not API. */
@NullMarked
package dev.tgdialog.internal;

import org.jspecify.annotations.NullMarked;
