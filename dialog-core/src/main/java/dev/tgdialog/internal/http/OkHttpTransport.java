package dev.tgdialog.internal.http;

import dev.tgdialog.telegram.Transport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * The default {@link Transport}, on OkHttp. OkHttp's own silent retry is off, also on a client passed in (a derived
 * client shares its pool and dispatcher), so only the client's retry policy repeats a request. Thread-safe.
 *
 * <p>The only class of the client that names OkHttp: the JDK transport's path never loads it.
 */
public final class OkHttpTransport implements Transport {
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final MediaType JSON = MediaType.get(JSON_TYPE);

    /** Most URLs a bot calls; past it a URL is parsed on every call. */
    private static final int MAX_URLS = 512;

    private final OkHttpClient http;
    private final boolean owns;
    /**
     * The URLs called so far, parsed: a bot calls a few dozen (one per Bot API method), and OkHttp's parse of one,
     * token and all, was a tenth of the CPU of a bot's update in the wizard bench.
     */
    private final ConcurrentHashMap<URI, HttpUrl> urls = new ConcurrentHashMap<>();

    private OkHttpTransport(OkHttpClient http, boolean owns) {
        this.http = http;
        this.owns = owns;
    }

    /** A transport on a client of its own with these timeouts, closed with it. */
    public static OkHttpTransport create(Duration connect, Duration read, Duration write) {
        Dispatcher dispatcher = new Dispatcher();
        // Every call goes to one host; OkHttp's default of 5 per host would queue a busy bot's answers.
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(256);
        return new OkHttpTransport(
                new OkHttpClient.Builder()
                        .dispatcher(dispatcher)
                        .connectTimeout(connect)
                        .readTimeout(read)
                        .writeTimeout(write)
                        .retryOnConnectionFailure(false)
                        .build(),
                true);
    }

    /**
     * A transport on this client (its interceptors, proxy, timeouts), which it will not close. OkHttp's own retry
     * would re-send a POST whose reused connection broke after the server took it: a message sent twice.
     */
    public static OkHttpTransport of(OkHttpClient http) {
        return new OkHttpTransport(
                http.newBuilder().retryOnConnectionFailure(false).build(), false);
    }

    @Override
    public Transport.Response send(Transport.Request request) throws Failure {
        try (okhttp3.Response response = http.newCall(okRequest(request)).execute()) {
            return new Transport.Response(response.code(), response.body().bytes());
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public CompletableFuture<Transport.Response> sendAsync(Transport.Request request) {
        CompletableFuture<Transport.Response> result = new CompletableFuture<>();
        Call call = http.newCall(okRequest(request));
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                call.cancel();
            }
        });
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                result.completeExceptionally(failure(e));
            }

            @Override
            public void onResponse(Call c, okhttp3.Response response) {
                try (response) {
                    result.complete(new Transport.Response(
                            response.code(), response.body().bytes()));
                } catch (IOException e) {
                    result.completeExceptionally(failure(e));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        });
        return result;
    }

    @Override
    public Transport withReadTimeout(Duration readTimeout) {
        return new OkHttpTransport(http.newBuilder().readTimeout(readTimeout).build(), false);
    }

    @Override
    public void close() {
        if (owns) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private okhttp3.Request okRequest(Transport.Request request) {
        okhttp3.Request.Builder b = new okhttp3.Request.Builder().url(httpUrl(request.url()));
        String type = request.contentType();
        return (type == null
                        ? b.get()
                        : b.post(RequestBody.create(
                                request.body(), type.equals(JSON_TYPE) ? JSON : MediaType.get(type))))
                .build();
    }

    private HttpUrl httpUrl(URI url) {
        HttpUrl parsed = urls.get(url);
        if (parsed == null) {
            parsed = HttpUrl.get(url.toString());
            if (urls.size() < MAX_URLS) {
                urls.put(url, parsed);
            }
        }
        return parsed;
    }

    /**
     * What OkHttp's exception says about the request: a connection never made (refused, no route, unknown host, a
     * connect timeout) surely did not reach the server; anything later may have.
     */
    static Failure failure(IOException e) {
        boolean timeout = e instanceof InterruptedIOException;
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        boolean notSent = e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException
                || (timeout && message.contains("connect"));
        return new Failure(
                (timeout ? "timed out" : "network failure") + ": "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                timeout,
                !notSent,
                e);
    }
}
