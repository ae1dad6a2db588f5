package dev.tgdialog.updates;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A local Bot API whose getUpdates answers come from a script; when the script runs out, a poll hangs as a real
 * long poll does until it is cancelled. Every request's JSON body is recorded, in order.
 */
final class ScriptedTelegram extends Dispatcher {
    private final Deque<MockResponse> script = new ArrayDeque<>();
    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

    record Call(String method, JsonObject body) {}

    synchronized ScriptedTelegram then(int code, String json) {
        return then(code, "application/json", json);
    }

    /** An answer of another content type, as a proxy in front of Telegram gives. */
    synchronized ScriptedTelegram then(int code, String contentType, String body) {
        script.add(new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", contentType)
                .body(body)
                .build());
        return this;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = path.substring(path.lastIndexOf('/') + 1);
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        calls.add(new Call(
                method,
                body.isEmpty() ? new JsonObject() : JsonParser.parseString(body).getAsJsonObject()));
        synchronized (this) {
            if (!script.isEmpty()) {
                return script.poll();
            }
        }
        if (method.equals("getUpdates") && body.contains("\"timeout\":0")) {
            return new MockResponse.Builder()
                    .body("{\"ok\":true,\"result\":[]}")
                    .build();
        }
        return new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build();
    }

    /** The next request the bot made, waiting for it up to 10 s. */
    Call next() throws InterruptedException {
        Call call = calls.poll(10, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("the bot made no further request");
        }
        return call;
    }

    /** Requests made so far and not yet taken with {@link #next()}. */
    int pending() {
        return calls.size();
    }
}
