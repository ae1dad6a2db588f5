package dev.tgdialog.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A file to send: either new content uploaded with the request (multipart), or a reference Telegram fetches itself
 * (the {@code file_id} of a file already on Telegram's servers, or an HTTP URL).
 */
public sealed interface InputFile permits InputFile.Upload, InputFile.Reference {

    /** Uploads these bytes under the given file name. */
    static InputFile of(byte[] content, String fileName) {
        return new Upload(fileName, content.clone(), null);
    }

    /** Uploads the file at this path, read when the request is sent. */
    static InputFile of(Path path) {
        return new Upload(path.getFileName().toString(), null, path);
    }

    /**
     * Uploads what this stream holds. The stream is read to its end right away and closed, so a retried request
     * sends the same bytes.
     */
    static InputFile of(InputStream stream, String fileName) {
        try (stream) {
            return new Upload(fileName, stream.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the upload " + fileName, e);
        }
    }

    /** A file already stored by Telegram, by its {@code file_id}. */
    static InputFile fileId(String fileId) {
        return new Reference(fileId);
    }

    /** A file Telegram downloads from this HTTP URL. */
    static InputFile url(String url) {
        return new Reference(url);
    }

    /** Whether this file travels in the request body (multipart) rather than as a string. */
    default boolean isUpload() {
        return this instanceof Upload;
    }

    /** Content sent with the request: in memory, or read from a path when sent. */
    final class Upload implements InputFile {
        private final String fileName;
        private final byte @Nullable [] content;
        private final @Nullable Path path;

        private Upload(String fileName, byte @Nullable [] content, @Nullable Path path) {
            this.fileName = Objects.requireNonNull(fileName, "fileName");
            this.content = content;
            this.path = path;
        }

        /** The file name Telegram is told. */
        public String fileName() {
            return fileName;
        }

        /** The bytes to upload, read from the path if this upload was made from one. */
        public byte[] content() {
            if (content != null) {
                return content.clone();
            }
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the upload " + path, e);
            }
        }

        @Override
        public String toString() {
            return "InputFile.Upload[" + fileName + "]";
        }
    }

    /** A {@code file_id} or URL, sent as a plain string. */
    record Reference(String value) implements InputFile {
        public Reference {
            Objects.requireNonNull(value, "value");
        }
    }
}
