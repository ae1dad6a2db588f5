package dev.tgdialog.testing;

import dev.tgdialog.telegram.Transport;
import java.io.IOException;
import java.net.URI;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * {@link FakeTelegram} as an OkHttp interceptor, for a test that builds its own {@code OkHttpClient}. The only class of
 * the harness that names OkHttp, so the harness on another transport never loads it.
 */
final class OkHttpFake {
    private static final MediaType JSON = MediaType.get("application/json");

    private OkHttpFake() {}

    static Interceptor interceptor(Transport fake) {
        return chain -> {
            okhttp3.Request request = chain.request();
            RequestBody body = request.body();
            Transport.Request sent;
            if (body == null) {
                sent = Transport.Request.get(URI.create(request.url().toString()));
            } else {
                Buffer buffer = new Buffer();
                body.writeTo(buffer);
                MediaType type = body.contentType();
                sent = Transport.Request.post(
                        URI.create(request.url().toString()),
                        type == null ? "application/json" : type.toString(),
                        buffer.readByteArray());
            }
            Transport.Response answer;
            try {
                answer = fake.send(sent);
            } catch (Transport.Failure e) {
                throw new IOException(e.getMessage(), e);
            }
            return new okhttp3.Response.Builder()
                    .request(request)
                    .protocol(Protocol.HTTP_1_1)
                    .code(answer.status())
                    .message(answer.status() == 200 ? "OK" : "Error")
                    .body(ResponseBody.create(answer.body(), JSON))
                    .build();
        };
    }
}
