package dev.tgdialog.spi;

import dev.tgdialog.telegram.InputFile;
import java.util.Objects;
import java.util.Set;

/**
 * A photo, video, animation, audio, document or sticker shown in a window.
 *
 * @param kind {@code photo}, {@code video}, {@code animation}, {@code audio}, {@code document} or {@code sticker}
 * @param file the file: an upload, a file_id or a URL
 */
public record Media(String kind, InputFile file) {
    private static final Set<String> KINDS = Set.of("photo", "video", "animation", "audio", "document", "sticker");

    public Media {
        Objects.requireNonNull(file, "file");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("media kind must be one of " + KINDS + ", was " + kind);
        }
    }

    public static Media photo(InputFile file) {
        return new Media("photo", file);
    }

    public static Media video(InputFile file) {
        return new Media("video", file);
    }

    public static Media animation(InputFile file) {
        return new Media("animation", file);
    }

    public static Media audio(InputFile file) {
        return new Media("audio", file);
    }

    public static Media document(InputFile file) {
        return new Media("document", file);
    }

    /**
     * A sticker (by {@code file_id}, or a WEBP, TGS or WEBM file): shown with the window's buttons and no text, since a
     * sticker message has no caption; a window that shows one renders no text.
     */
    public static Media sticker(InputFile file) {
        return new Media("sticker", file);
    }
}
