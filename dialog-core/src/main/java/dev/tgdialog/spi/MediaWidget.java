package dev.tgdialog.spi;

import org.jspecify.annotations.Nullable;

/** Renders the media a window shows above its text (which then becomes the caption). */
@FunctionalInterface
public interface MediaWidget {

    /** The media for this render, or null for none. */
    @Nullable
    Media media(RenderContext ctx) throws Exception;
}
