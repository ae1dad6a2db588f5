package dev.tgdialog.demo;

import dev.tgdialog.auth.InvalidAuthDataException;
import dev.tgdialog.auth.LoginWidgetValidator;
import dev.tgdialog.telegram.types.User;
import java.time.Duration;

/**
 * How the pizza shop's website would log a user in with Telegram: the Login Widget redirects to the site with the
 * user's fields and a hash, and only data that proves it came from Telegram, for this bot, within the hour, signs
 * them in. A website keeps the validator for the bot's lifetime.
 */
final class WebsiteLogin {
    private final LoginWidgetValidator validator;

    WebsiteLogin(LoginWidgetValidator validator) {
        this.validator = validator.maxAge(Duration.ofHours(1));
    }

    /** The page the redirect lands on: a welcome for a verified user, a refusal that says why otherwise. */
    String landing(String redirectQuery) {
        try {
            User user = validator.validate(redirectQuery);
            return "Welcome, " + user.firstName() + "! Your pizzas are one tap away.";
        } catch (InvalidAuthDataException e) {
            return "We could not sign you in (" + e.reason() + "). Please log in with Telegram again.";
        }
    }
}
