/**
 * Where users are: the {@link dev.tgdialog.store.Stack} of open dialogs per {@link dev.tgdialog.store.StackKey},
 * the {@link dev.tgdialog.store.StackStore} SPI that keeps it (in memory by default, Redis in dialog-redis), its
 * JSON form ({@link dev.tgdialog.store.StackCodec}) and the per-key ordering of updates
 * ({@link dev.tgdialog.store.UpdateIsolation}).
 */
@NullMarked
package dev.tgdialog.store;

import org.jspecify.annotations.NullMarked;
