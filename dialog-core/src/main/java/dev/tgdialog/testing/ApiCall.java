package dev.tgdialog.testing;

import java.util.Objects;

/**
 * One request that reached {@link FakeTelegram}, whatever its answer.
 *
 * @param method the Bot API method, spelled as the spec spells it when it is a method of the spec
 * @param params the request's parameters as a JSON object: the JSON body as sent, or the fields of a form or
 *     multipart body (values as the strings sent; a file part as its file name)
 */
public record ApiCall(String method, String params) {
    public ApiCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
    }
}
