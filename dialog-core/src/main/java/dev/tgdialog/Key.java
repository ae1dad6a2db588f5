package dev.tgdialog;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A typed name for a value in a dialog's data (or a widget's state, or a user's values kept across dialogs with
 * {@link DialogContext#saveUserValue}): what goes in with a {@code Key<Integer>} comes out an {@code Integer}. Values
 * are kept as JSON, so a key's type must be a JSON-friendly value: strings, numbers, booleans, enums, records, lists
 * and maps of those, and the {@code java.time} values {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime},
 * {@code Instant}, {@code Duration}. Keys are compared by name and type.
 *
 * <p>A key is also the function that reads its value from a context ({@link DialogContext#get}, null when absent),
 * so it serves wherever a widget takes a function of the context, such as the list of items a selection shows.
 *
 * @param <T> the value's type
 */
public final class Key<T> implements Function<DialogContext, @Nullable T> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final String name;
    private final Type type;

    private Key(String name, Type type) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key name is 1-64 of A-Z a-z 0-9 _ . -, was \"" + name + "\"");
        }
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
    }

    /** A key for values of this class. */
    public static <T> Key<T> of(String name, Class<T> type) {
        return new Key<>(name, type);
    }

    /** A key for lists of this element class. */
    public static <E> Key<List<E>> listOf(String name, Class<E> elementType) {
        return new Key<>(name, new ListType(elementType));
    }

    /** This key's value in {@code ctx}: the same as {@code ctx.get(key)}. */
    @Override
    public @Nullable T apply(DialogContext ctx) {
        return ctx.get(this);
    }

    /** The key's name, unique within a dialog's data. */
    public String name() {
        return name;
    }

    /** The value's Java type. */
    public Type type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key<?> other && other.name.equals(name) && other.type.equals(type);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + type.hashCode();
    }

    @Override
    public String toString() {
        return "Key[" + name + ": " + type.getTypeName() + "]";
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
            return "java.util.List<" + element.getTypeName() + ">";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterizedType p
                    && p.getRawType() == List.class
                    && p.getOwnerType() == null
                    && java.util.Arrays.equals(p.getActualTypeArguments(), getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(getActualTypeArguments()) ^ List.class.hashCode();
        }
    }
}
