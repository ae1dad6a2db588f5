package dev.tgdialog.telegram;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Result types of {@link BotMethod}s that a {@code Class} cannot express, such as {@code List<Update>}. */
public final class ResultTypes {

    private ResultTypes() {}

    /** The type {@code List<E>}, equal to the one reflection or Gson's {@code TypeToken} builds. */
    public static ParameterizedType listOf(Class<?> element) {
        return new ListType(Objects.requireNonNull(element, "element"));
    }

    private record ListType(Class<?> element) implements ParameterizedType {

        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] {element};
        }

        @Override
        public Type getRawType() {
            return List.class;
        }

        @Override
        public @Nullable Type getOwnerType() {
            return null;
        }

        @Override
        public String getTypeName() {
            return List.class.getName() + "<" + element.getTypeName() + ">";
        }

        // Equal to any ParameterizedType List<element>, as the ParameterizedType contract asks.
        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof ParameterizedType p
                    && p.getRawType() == List.class
                    && p.getOwnerType() == null
                    && Arrays.equals(p.getActualTypeArguments(), getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(getActualTypeArguments()) ^ List.class.hashCode();
        }

        @Override
        public String toString() {
            return getTypeName();
        }
    }
}
