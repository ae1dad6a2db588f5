package dev.tgdialog.internal.engine;

/** Short base-62 numbers for frame ids, revisions and owner tags in callback data. */
final class Base62 {
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Base62() {}

    private static final String[] SMALL = new String[62];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = String.valueOf(DIGITS.charAt(i));
        }
    }

    static String encode(long value) {
        if (value >= 0 && value < SMALL.length) {
            return SMALL[(int) value];
        }
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        if (value == 0) {
            return "0";
        }
        StringBuilder out = new StringBuilder();
        while (value > 0) {
            out.append(DIGITS.charAt((int) (value % 62)));
            value /= 62;
        }
        return out.reverse().toString();
    }

    /** The number, or -1 when the text is not base-62 or too long to be one of ours. */
    static long decode(String text) {
        if (text.isEmpty() || text.length() > 10) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            int digit = DIGITS.indexOf(text.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = value * 62 + digit;
        }
        return value;
    }
}
