/** The built-in stack store and update isolation. Not API: reach them through the factories of the store SPI. */
@NullMarked
package dev.tgdialog.internal.store;

import org.jspecify.annotations.NullMarked;
