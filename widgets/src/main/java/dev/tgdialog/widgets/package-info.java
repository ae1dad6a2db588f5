/** The widget catalogue (selects, lists, pickers, counters, inputs, media); filled by its own issue. */
package dev.tgdialog.widgets;
