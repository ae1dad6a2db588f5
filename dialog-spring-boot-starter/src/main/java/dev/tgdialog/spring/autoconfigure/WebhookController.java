package dev.tgdialog.spring.autoconfigure;

import dev.tgdialog.updates.WebhookHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bot's webhook as a Spring MVC controller, at {@code tgdialog.webhook.path} on the application's own web
 * server. It hands each call to the core's {@link WebhookHandler} (which checks the secret in constant time, parses
 * the update and answers only once the bot has handled it), asynchronously, so no servlet thread waits for a
 * handler. A missing or wrong secret is answered 401 before the body is read, a body over 1 MiB 413. Made by the
 * auto-configuration, not found by scanning. Thread-safe.
 */
@RestController
final class WebhookController {
    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final WebhookHandler webhook;

    WebhookController(WebhookHandler webhook) {
        this.webhook = webhook;
    }

    @PostMapping("${tgdialog.webhook.path}")
    CompletionStage<ResponseEntity<Void>> receive(HttpServletRequest request) throws IOException {
        if (webhook.refusesSecret(request::getHeader)) {
            return CompletableFuture.completedFuture(status(401));
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            log.warn("Webhook request over {} bytes refused (413)", MAX_BODY_BYTES);
            return CompletableFuture.completedFuture(status(413));
        }
        return webhook.handle(request::getHeader, body).thenApply(WebhookController::status);
    }

    private static ResponseEntity<Void> status(int status) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        if (status == 503) {
            answer.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return answer.build();
    }
}
