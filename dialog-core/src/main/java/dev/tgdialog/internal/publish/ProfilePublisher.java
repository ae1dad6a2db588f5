package dev.tgdialog.internal.publish;

import dev.tgdialog.BotProfile;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.methods.GetMyDescription;
import dev.tgdialog.telegram.methods.GetMyName;
import dev.tgdialog.telegram.methods.GetMyShortDescription;
import dev.tgdialog.telegram.methods.SetMyDescription;
import dev.tgdialog.telegram.methods.SetMyName;
import dev.tgdialog.telegram.methods.SetMyShortDescription;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a bot's declared {@link BotProfile}: each name, description and short description per language is read
 * ({@code getMyName}, …) and written ({@code setMyName}, …) only when Telegram holds something else, so a restart
 * with the same profile makes no write call. A failure is logged and never thrown. Thread-safe (no state).
 */
public final class ProfilePublisher {
    private static final Logger log = LoggerFactory.getLogger(ProfilePublisher.class);

    private final TelegramClient telegram;
    private final BotProfile profile;

    public ProfilePublisher(TelegramClient telegram, BotProfile profile) {
        this.telegram = telegram;
        this.profile = profile;
    }

    /** A getter of one field in one language ({@code null}: no language). */
    private interface Read {
        String held(@Nullable String languageCode);
    }

    /** A setter of one field in one language ({@code null}: no language). */
    private interface Write {
        void set(String text, @Nullable String languageCode);
    }

    /** Makes Telegram's profile texts what is declared, writing only those that differ; logs, never throws. */
    public void publish() {
        if (profile.isEmpty()) {
            return;
        }
        int written = publish(
                        "name",
                        profile.names(),
                        language -> telegram.execute(new GetMyName(language)).name(),
                        (text, language) -> telegram.execute(new SetMyName(text, language)))
                + publish(
                        "description",
                        profile.descriptions(),
                        language ->
                                telegram.execute(new GetMyDescription(language)).description(),
                        (text, language) -> telegram.execute(new SetMyDescription(text, language)))
                + publish(
                        "short description",
                        profile.shortDescriptions(),
                        language -> telegram.execute(new GetMyShortDescription(language))
                                .shortDescription(),
                        (text, language) -> telegram.execute(new SetMyShortDescription(text, language)));
        log.info("Bot profile published: {} texts written", written);
    }

    private static int publish(String field, Map<String, String> texts, Read read, Write write) {
        int written = 0;
        for (Map.Entry<String, String> text : texts.entrySet()) {
            String language = text.getKey().isEmpty() ? null : text.getKey();
            try {
                if (!text.getValue().equals(read.held(language))) {
                    write.set(text.getValue(), language);
                    written++;
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Could not publish the bot's {}{}: {}",
                        field,
                        language == null ? "" : " (" + language + ")",
                        e.toString());
            }
        }
        return written;
    }
}
