package dev.tgdialog.internal.engine;

import dev.tgdialog.Key;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The scratch state of one render: getter values and spilled payloads. */
final class Render {
    final Map<Key<?>, Object> values = new HashMap<>();
    final Map<String, String> spill = new LinkedHashMap<>();
}
