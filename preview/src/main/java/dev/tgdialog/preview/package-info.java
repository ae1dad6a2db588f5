/**
 * Previews of a bot's dialogs for their author: every window on one static HTML page ({@link
 * dev.tgdialog.preview.PreviewPage}), and the map of the transitions between windows and dialogs as declared by
 * their widgets and as taken by the tests ({@link dev.tgdialog.preview.TransitionMap}), as Mermaid text and as an SVG
 * laid out by Eclipse ELK. {@link dev.tgdialog.preview.PreviewFiles} writes them to a folder.
 */
@NullMarked
package dev.tgdialog.preview;

import org.jspecify.annotations.NullMarked;
