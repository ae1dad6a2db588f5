/**
 * The widget catalogue: texts, selections, counters, scrolling groups and pagers, date and time pickers, inputs
 * and media, all written on the public widget SPI of dialog-core ({@code dev.tgdialog.widget}).
 */
@NullMarked
package dev.tgdialog.widgets;

import org.jspecify.annotations.NullMarked;
