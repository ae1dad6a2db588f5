package dev.tgdialog.webapp;

import dev.tgdialog.auth.InitData;

/** Answers one request of a Mini App whose {@code initData} was verified: its JSON body in, a JSON answer out. */
@FunctionalInterface
public interface MiniAppHandler {
    String handle(InitData caller, String jsonBody) throws Exception;
}
