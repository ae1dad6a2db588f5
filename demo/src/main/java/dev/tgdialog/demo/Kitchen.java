package dev.tgdialog.demo;

import dev.tgdialog.demo.OrderBot.Order;

/**
 * Where confirmed orders go: the bot author's own order service, which {@link OrderBot} calls once for each order a
 * user confirms, and never for one they cancel. It is called from the bot's handler threads, for several users at
 * once, so an implementation must be thread-safe.
 */
@FunctionalInterface
public interface Kitchen {

    /**
     * Takes a confirmed order. An exception leaves the order waiting for confirmation, and the user is told that
     * something went wrong.
     */
    void place(Order order);
}
