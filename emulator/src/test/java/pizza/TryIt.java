// spotless:off
// --- README: try it ---
// src/test/java/pizza/TryIt.java
package pizza;

import dev.tgdialog.emulator.Emulator;

/** The bot in the browser, on a fake Telegram: no token needed. */
public final class TryIt {
    public static void main(String[] args) throws Exception {
        try (Emulator emulator = Emulator.builder(PizzaBot::setup).build()) {
            System.out.println("Open " + emulator.start() + " and send /start. Enter stops it.");
            System.in.read();
        }
    }
}
// --- end ---
// spotless:on
