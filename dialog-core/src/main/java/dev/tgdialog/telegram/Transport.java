package dev.tgdialog.telegram;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP layer under {@link TelegramClient}: sends one encoded request and hands back the status and body. Every
 * other concern (encoding, retries, 429s, pacing, redaction, JSON) stays in the client, once for every transport.
 *
 * <p>Built in: OkHttp, the default ({@code TelegramClient.Builder.okHttpClient(...)} to supply your own), and
 * {@link #jdk(Duration, Duration)} on {@code java.net.http.HttpClient}, which loads no OkHttp or Kotlin class, so
 * a bot may leave both off its class path.
 *
 * <p>A transport must never repeat a request by itself (the client's {@link RetryPolicy} alone decides, and it
 * never repeats a send that may have arrived), and must say in a {@link Failure} whether a failed request may have
 * reached the server. Implementations are thread-safe.
 */
public interface Transport extends AutoCloseable {

    /**
     * Sends the request on the calling thread and returns the answer, whatever its status.
     *
     * @throws Failure when no answer came
     */
    Response send(Request request) throws Failure;

    /**
     * Sends the request without blocking; the future completes with the answer, whatever its status, or
     * exceptionally with a {@link Failure}. Cancelling the future cancels the request (a long poll being stopped).
     */
    CompletableFuture<Response> sendAsync(Request request);

    /**
     * A transport like this one, on the same connections, whose wait for an answer is this long; long polling needs
     * one longer than its poll timeout.
     */
    Transport withReadTimeout(Duration readTimeout);

    /** Releases the connections and threads this transport created (not those it was given). */
    @Override
    void close();

    /**
     * A transport on the JDK's own {@code java.net.http.HttpClient}, with these timeouts to connect and to wait
     * for an answer. It loads no class of OkHttp or Kotlin.
     */
    static Transport jdk(Duration connectTimeout, Duration readTimeout) {
        return dev.tgdialog.internal.http.JdkHttpTransport.create(connectTimeout, readTimeout);
    }

    /** One request: a POST of {@code body} of {@code contentType}, or a GET when {@code contentType} is null. */
    record Request(URI url, @Nullable String contentType, byte[] body) {
        private static final byte[] NONE = new byte[0];

        /** Checks the parts; the body is not copied (it is the encoder's, written once). */
        public Request {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(body, "body");
        }

        /** A GET of this URL (a file download). */
        public static Request get(URI url) {
            return new Request(url, null, NONE);
        }

        /** A POST of this body. */
        public static Request post(URI url, String contentType, byte[] body) {
            return new Request(url, Objects.requireNonNull(contentType, "contentType"), body);
        }

        /** Whether this is a POST (else a GET). */
        public boolean isPost() {
            return contentType != null;
        }

        @Override
        public String toString() {
            // The URL holds the bot token.
            return "Request[" + (isPost() ? "POST " + contentType + ", " + body.length + " bytes" : "GET") + "]";
        }
    }

    /** One answer: the HTTP status and the whole body. */
    record Response(int status, byte[] body) {
        /** Checks the parts; the body is not copied. */
        public Response {
            Objects.requireNonNull(body, "body");
        }

        /** Whether the status is 2xx. */
        public boolean isSuccessful() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * No answer came: the connection could not be made, broke, or timed out. {@link #mayHaveReachedServer()} says
     * whether the server may have received (and acted on) the request, which decides whether a send may be repeated.
     */
    final class Failure extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean timeout;
        private final boolean mayHaveReachedServer;

        /** A failure; {@code cause} is what the HTTP library threw. */
        public Failure(String message, boolean timeout, boolean mayHaveReachedServer, Throwable cause) {
            super(message, cause);
            this.timeout = timeout;
            this.mayHaveReachedServer = mayHaveReachedServer;
        }

        /** Whether the request timed out (connecting, or waiting for the answer). */
        public boolean isTimeout() {
            return timeout;
        }

        /** Whether the request may have reached the server; false only when it surely did not (no connection). */
        public boolean mayHaveReachedServer() {
            return mayHaveReachedServer;
        }
    }
}
