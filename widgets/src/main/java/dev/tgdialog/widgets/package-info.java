/**
 * Every widget a bot author uses, in one place: texts, buttons and layouts, navigation, selections, counters,
 * scrolling groups and pagers, date and time pickers, inputs (one text input: {@link dev.tgdialog.widgets.TextInput})
 * and media, all written on the public widget SPI of dialog-core ({@code dev.tgdialog.spi}).
 *
 * <h2 id="item-sources">Item sources</h2>
 * The widgets over a list of items ({@link dev.tgdialog.widgets.Select}, {@link dev.tgdialog.widgets.Radio},
 * {@link dev.tgdialog.widgets.Toggle}, {@link dev.tgdialog.widgets.Multiselect},
 * {@link dev.tgdialog.widgets.ListGroup}) take their items in one of three ways, all alike:
 * <ul>
 *   <li>{@code of(id, List, ...)} (a list group: {@code builder(id, List)}): constant items, copied once.
 *   <li>{@code builder(id, ctx -> items)}: a function of the context, asked at every render (none is an empty list).
 *   <li>{@code builder(id, ITEMS)}: a {@code Key<List<T>>} is such a function ({@link dev.tgdialog.Key}): the list a
 *       getter provides for the render, or the dialog's data holds, under that key.
 * </ul>
 * Items are read again for every click, so a click is checked against the items as they are then, not as they were
 * rendered: the window's getters run for a click too when something asks for a value. An item's stable id
 * ({@code itemId(...)}, {@link java.lang.String#valueOf} by default) is what its button's payload and the widget's
 * state carry, so ids must be unique among the items (two alike fail the render) and should not change while the
 * item is shown. A click on an id not among the current items (removed since, or forged) is refused with the
 * widget's stale toast ({@code staleToast(...)}) and changes nothing.
 */
@NullMarked
package dev.tgdialog.widgets;

import org.jspecify.annotations.NullMarked;
