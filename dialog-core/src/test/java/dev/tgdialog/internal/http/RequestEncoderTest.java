package dev.tgdialog.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.internal.json.Json;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.telegram.methods.SendDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MultipartReader;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The project's own multipart writer, read back by OkHttp's independent multipart reader. */
class RequestEncoderTest {
    private final RequestEncoder encoder = new RequestEncoder(Json.gson());

    @Test
    void anUpload_isMultipart_withEveryFieldAPart_andAFileNameThatCannotBreakItsHeader() throws IOException {
        byte[] content = {0, 1, 2, (byte) 0xff, '\r', '\n', '-', '-'};
        RequestEncoder.Body body = encoder.encode(SendDocument.builder(42L, InputFile.of(content, "a\"b\r\nc.txt"))
                .caption("Ünïcode \"quoted\"")
                .build());

        assertThat(body.contentType()).startsWith("multipart/form-data; boundary=tgdialog-");
        String boundary = body.contentType().substring(body.contentType().indexOf('=') + 1);
        Map<String, String> dispositions = new LinkedHashMap<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (MultipartReader reader = new MultipartReader(new Buffer().write(body.bytes()), boundary)) {
            MultipartReader.Part part;
            while ((part = reader.nextPart()) != null) {
                String disposition = part.headers().get("Content-Disposition");
                String name = disposition.replaceAll("^form-data; name=\"([^\"]*)\".*", "$1");
                dispositions.put(name, disposition);
                contents.put(name, part.body().readByteArray());
            }
        }
        assertThat(dispositions.keySet()).containsExactly("chat_id", "document", "caption");
        assertThat(new String(contents.get("chat_id"), StandardCharsets.UTF_8)).isEqualTo("42");
        assertThat(new String(contents.get("caption"), StandardCharsets.UTF_8)).isEqualTo("Ünïcode \"quoted\"");
        assertThat(dispositions.get("document"))
                .isEqualTo("form-data; name=\"document\"; filename=\"a%22b%0D%0Ac.txt\"");
        assertThat(contents.get("document")).isEqualTo(content);
    }

    @Test
    void aCallWithoutUploads_isJson() {
        RequestEncoder.Body body = encoder.encode(SendDocument.of(42L, InputFile.fileId("BQACAgIAAxk")));

        assertThat(body.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(new String(body.bytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"chat_id\":42,\"document\":\"BQACAgIAAxk\"}");
    }
}
