package dev.tgdialog.spi;

import java.util.regex.Pattern;

/** The compiled widget id pattern, kept out of {@link Widget}'s public constants. */
final class Ids {
    static final Pattern WIDGET_ID = Pattern.compile("[A-Za-z0-9_-]{1," + Widget.MAX_ID_LENGTH + "}");

    private Ids() {}
}
