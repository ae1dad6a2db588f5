/**
 * A small backend for a Mini App: {@link dev.tgdialog.webapp.MiniAppServer} serves its static files and JSON
 * endpoints whose callers prove who they are with the Mini App's {@code initData}.
 */
@NullMarked
package dev.tgdialog.webapp;

import org.jspecify.annotations.NullMarked;
