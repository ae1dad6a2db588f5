package dev.tgdialog.internal.engine;

import dev.tgdialog.store.StackStore;
import dev.tgdialog.telegram.types.User;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The language each user is spoken to in: the one they picked in the bot, else their Telegram app's
 * ({@code language_code}). Both live in the store's user record {@value #RECORD}, read at most once per update and
 * only when something asks; the app's language is kept so that a background push, which comes with no user, still
 * speaks it. Thread-safe; per-update state lives in the {@link Session}.
 */
final class Languages {
    static final String RECORD = "language";
    private static final Logger log = LoggerFactory.getLogger(Languages.class);

    private final StackStore store;
    private final long botId;

    Languages(StackStore store, long botId) {
        this.store = store;
        this.botId = botId;
    }

    /**
     * What the record says: the language picked, and the app's as last seen. Stored as two language tags with a
     * space between, {@code -} for none ({@code "de -"}): tags hold no spaces, and the record stays readable.
     */
    record Known(@Nullable Locale picked, @Nullable Locale app) {
        static final Known NONE = new Known(null, null);

        String encode() {
            return tag(picked) + " " + tag(app);
        }

        static Known decode(String document) {
            String[] parts = document.strip().split(" ", -1);
            return new Known(parse(parts[0]), parts.length > 1 ? parse(parts[1]) : null);
        }

        private static String tag(@Nullable Locale locale) {
            return locale == null ? "-" : locale.toLanguageTag();
        }
    }

    /** The user's language: picked, else their app's in this update, else their app's as last seen; empty if none. */
    Optional<Locale> of(Session s) {
        Known known = known(s);
        if (known.picked() != null) {
            return Optional.of(known.picked());
        }
        Locale app = app(s.user);
        return Optional.ofNullable(app != null ? app : known.app());
    }

    /** Keeps {@code language} as the one the user picked (null: back to their app's), from this update on. */
    void pick(Session s, @Nullable Locale language) {
        long userId = userOf(s);
        if (userId == 0) {
            throw new IllegalStateException("no user to pick a language for: the update came from no user");
        }
        Known known = known(s);
        Locale app = app(s.user);
        Known next = new Known(language, app != null ? app : known.app());
        store.saveUserRecord(botId, userId, RECORD, next.encode());
        s.language = next;
    }

    /**
     * After an update whose user's record was read: remembers their app's language when it is new or changed, for the
     * pushes that come with no user. A failure is logged and the update goes on: it costs a push's language at most.
     */
    void remember(Session s) {
        Known known = s.language;
        Locale app = app(s.user);
        if (known == null || app == null || app.equals(known.app()) || s.user == null) {
            return;
        }
        try {
            store.saveUserRecord(botId, s.user.id(), RECORD, new Known(known.picked(), app).encode());
        } catch (RuntimeException e) {
            log.warn(
                    "The language of user {}'s app could not be kept ({}); pushes may speak another",
                    s.user.id(),
                    e.toString());
        }
    }

    private Known known(Session s) {
        Known known = s.language;
        if (known != null) {
            return known;
        }
        long userId = userOf(s);
        known = Known.NONE;
        if (userId != 0) {
            try {
                known = store.loadUserRecord(botId, userId, RECORD)
                        .map(Known::decode)
                        .orElse(Known.NONE);
            } catch (RuntimeException e) {
                // A preference is not worth failing an update for: the app's language stands in.
                log.warn(
                        "The language record of user {} could not be read ({}); using the app's", userId, e.toString());
            }
        }
        s.language = known;
        return known;
    }

    private static long userOf(Session s) {
        return s.user != null ? s.user.id() : s.backgroundUser;
    }

    /** The language of the user's app, or null when unknown or not a language tag. */
    static @Nullable Locale app(@Nullable User user) {
        String code = user == null ? null : user.languageCode();
        return code == null || code.isBlank() ? null : parse(code);
    }

    private static @Nullable Locale parse(String tag) {
        if (tag.equals("-")) {
            return null;
        }
        Locale locale = PARSED.get(tag);
        if (locale == null) {
            locale = Locale.forLanguageTag(tag.strip().replace('_', '-'));
            if (PARSED.size() < MAX_PARSED) {
                PARSED.put(tag, locale);
            }
        }
        return locale.getLanguage().isEmpty() ? null : locale;
    }

    /**
     * Tags already parsed: every update carries its user's app language, and parsing the same few tags again was
     * about 2% of the CPU of an update. Bounded, as the tags come from outside; past the bound they are parsed each
     * time.
     */
    private static final ConcurrentMap<String, Locale> PARSED = new ConcurrentHashMap<>();

    private static final int MAX_PARSED = 1_000;
}
