package dev.tgdialog.internal.http;

import dev.tgdialog.telegram.Transport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A {@link Transport} on the JDK's {@code java.net.http.HttpClient}: no OkHttp, no Kotlin. It speaks HTTP/1.1 (a
 * plain-HTTP local Bot API server gets no h2c upgrade attempt), and the JDK client repeats no POST on its own.
 * The read timeout bounds the wait from sending to the answer's headers. Thread-safe.
 */
public final class JdkHttpTransport implements Transport {
    private final HttpClient http;
    private final Duration readTimeout;

    private JdkHttpTransport(HttpClient http, Duration readTimeout) {
        this.http = http;
        this.readTimeout = readTimeout;
    }

    /** A transport with these timeouts to connect and to wait for an answer. */
    public static JdkHttpTransport create(Duration connectTimeout, Duration readTimeout) {
        Objects.requireNonNull(readTimeout, "readTimeout");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new JdkHttpTransport(http, readTimeout);
    }

    @Override
    public Response send(Request request) throws Failure {
        HttpResponse<byte[]> response;
        try {
            response = http.send(jdkRequest(request), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", false, true, e);
        }
        return new Response(response.statusCode(), response.body());
    }

    @Override
    public CompletableFuture<Response> sendAsync(Request request) {
        CompletableFuture<HttpResponse<byte[]>> call =
                http.sendAsync(jdkRequest(request), HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture<Response> result = new CompletableFuture<>();
        call.whenComplete((response, error) -> {
            if (error == null) {
                result.complete(new Response(response.statusCode(), response.body()));
            } else {
                Throwable cause = unwrap(error);
                result.completeExceptionally(
                        cause instanceof IOException io ? failure(io) : new Failure("failed", false, true, cause));
            }
        });
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                // The JDK's future cancels the exchange (Java 16+), closing its connection.
                call.cancel(true);
            }
        });
        return result;
    }

    @Override
    public Transport withReadTimeout(Duration readTimeout) {
        return new JdkHttpTransport(http, Objects.requireNonNull(readTimeout, "readTimeout"));
    }

    /** Nothing to release: the JDK client's threads are daemons and its idle connections time out (Java 17). */
    @Override
    public void close() {}

    private HttpRequest jdkRequest(Request request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.url()).timeout(readTimeout);
        String type = request.contentType();
        if (type == null) {
            b.GET();
        } else {
            b.header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        }
        return b.build();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /**
     * What the JDK's exception says about the request: a connection never made (refused, no route, unknown host, a
     * connect timeout) surely did not reach the server; anything later may have.
     */
    static Failure failure(IOException e) {
        boolean timeout = e instanceof HttpTimeoutException;
        boolean notSent = e instanceof HttpConnectTimeoutException
                || e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException
                || e.getCause() instanceof ConnectException
                || e.getCause() instanceof UnknownHostException;
        return new Failure(
                (timeout ? "timed out" : "network failure") + ": "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                timeout,
                !notSent,
                e);
    }
}
