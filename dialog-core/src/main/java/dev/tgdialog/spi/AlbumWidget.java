package dev.tgdialog.spi;

import java.util.List;

/**
 * Renders the album (media group) a window shows above its text and buttons: 2 to 10 photos and videos, or 2 to 10
 * documents, or 2 to 10 audio files. Telegram puts no buttons on an album, so the window's text and keyboard come in
 * a message of their own under it.
 */
@FunctionalInterface
public interface AlbumWidget {

    /** The album's items for this render, in order. */
    List<Media> album(RenderContext ctx) throws Exception;
}
