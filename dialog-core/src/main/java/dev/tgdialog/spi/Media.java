package dev.tgdialog.spi;

import dev.tgdialog.telegram.InputFile;
import java.util.Objects;
import java.util.Set;

/**
 * A photo, video, animation, audio or document shown in a window.
 *
 * @param kind {@code photo}, {@code video}, {@code animation}, {@code audio} or {@code document}
 * @param file the file: an upload, a file_id or a URL
 */
public record Media(String kind, InputFile file) {
    private static final Set<String> KINDS = Set.of("photo", "video", "animation", "audio", "document");

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
}
