package dev.tgdialog.internal.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;

/**
 * Removes the bot token from text and exceptions before they reach a log or a caller, since OkHttp and the JDK
 * put request URLs (which hold the token) into their messages, and a broken connection can echo any part of one.
 *
 * <p>Masked are the whole token, plain or URL-encoded, and every run of {@value #MIN_FRAGMENT} or more characters
 * that also occurs in the token (the secret after the colon, a cut-off piece of a URL): each window of that many
 * characters is packed into a {@code long} and looked up among the token's own windows, so a text is scanned once
 * without allocating. Thread-safe.
 */
public final class Redactor {
    static final String MASK = "<bot-token>";

    /** The shortest piece of the token that is masked wherever it appears. */
    static final int MIN_FRAGMENT = 8;

    private final String token;
    private final String encodedToken;
    /** The characters the token (plain or URL-encoded) is made of; all ASCII. */
    private final boolean[] alphabet = new boolean[128];
    /** Every {@link #MIN_FRAGMENT}-character window of the token and its encoded form, packed and sorted. */
    private final long[] windows;

    public Redactor(String token) {
        this.token = token;
        this.encodedToken = URLEncoder.encode(token, StandardCharsets.UTF_8);
        boolean ascii = (token + encodedToken).chars().allMatch(c -> c < 128);
        if (ascii) {
            (token + encodedToken).chars().forEach(c -> alphabet[c] = true);
            this.windows = LongStream.concat(windowsOf(token), windowsOf(encodedToken))
                    .sorted()
                    .distinct()
                    .toArray();
        } else {
            this.windows = new long[0];
        }
    }

    private static LongStream windowsOf(String s) {
        return LongStream.range(0, Math.max(0, s.length() - MIN_FRAGMENT + 1)).map(i -> pack(s, (int) i));
    }

    private static long pack(String s, int from) {
        long key = 0;
        for (int i = from; i < from + MIN_FRAGMENT; i++) {
            key = key << 8 | s.charAt(i);
        }
        return key;
    }

    /** The text with the token and every piece of it of at least {@value #MIN_FRAGMENT} characters replaced. */
    public String redact(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        if (!token.isEmpty() && out.contains(token)) {
            out = out.replace(token, MASK);
        }
        if (!encodedToken.isEmpty() && out.contains(encodedToken)) {
            out = out.replace(encodedToken, MASK);
        }
        return windows.length == 0 ? out : maskFragments(out);
    }

    private String maskFragments(String text) {
        StringBuilder out = null;
        int copied = 0;
        int maskStart = -1;
        int maskEnd = -1;
        long key = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || !alphabet[c]) {
                run = 0;
                continue;
            }
            // Slides the window: the oldest character falls off the top of the long.
            key = key << 8 | c;
            run++;
            if (run < MIN_FRAGMENT || Arrays.binarySearch(windows, key) < 0) {
                continue;
            }
            int start = i - MIN_FRAGMENT + 1;
            if (maskStart >= 0 && start <= maskEnd) {
                maskEnd = i + 1;
                continue;
            }
            if (maskStart >= 0) {
                out = append(out, text, copied, maskStart);
                copied = maskEnd;
            }
            maskStart = start;
            maskEnd = i + 1;
        }
        if (maskStart < 0) {
            return text;
        }
        out = append(out, text, copied, maskStart);
        return out.append(text, maskEnd, text.length()).toString();
    }

    private static StringBuilder append(@Nullable StringBuilder out, String text, int from, int maskStart) {
        StringBuilder b = out != null ? out : new StringBuilder(text.length());
        return b.append(text, from, maskStart).append(MASK);
    }

    /**
     * A copy of this exception chain (causes and suppressed exceptions) whose messages are redacted, keeping each
     * original's class name and stack trace. The originals are not kept: their messages may hold the token.
     */
    public @Nullable Throwable redact(@Nullable Throwable error) {
        return copy(error, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private @Nullable Throwable copy(@Nullable Throwable error, Set<Throwable> seen) {
        if (error == null || !seen.add(error)) {
            return null;
        }
        Throwable copy = new RedactedException(
                error.getClass().getName() + (error.getMessage() == null ? "" : ": " + redact(error.getMessage())),
                copy(error.getCause(), seen));
        copy.setStackTrace(error.getStackTrace());
        for (Throwable suppressed : error.getSuppressed()) {
            Throwable redacted = copy(suppressed, seen);
            if (redacted != null) {
                copy.addSuppressed(redacted);
            }
        }
        return copy;
    }

    /** Stands in for an exception whose message was redacted; its message starts with the original class name. */
    public static final class RedactedException extends Exception {
        private static final long serialVersionUID = 1L;

        RedactedException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return Objects.requireNonNull(getMessage(), "the constructor takes a message");
        }
    }
}
