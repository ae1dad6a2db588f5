package dev.tgdialog.internal.json;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Adapters for the generated Bot API records, with Gson's record semantics (absent fields read as null, 0 or false;
 * unknown fields are skipped; a JSON null for a primitive is refused; nulls are written only when the writer
 * serialises nulls). Each component's adapter is that of its declared type, found once, and each accessor is a
 * lambda spun once: Gson's own record adapter called every accessor reflectively (boxing primitives) and looked up a
 * runtime-type adapter for each field of each value it wrote, which JFR showed on every request.
 */
final class RecordAdapterFactory implements TypeAdapterFactory {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private final String[] packages;

    /** Adapts the records of these packages (exact package names). */
    RecordAdapterFactory(String... packages) {
        this.packages = packages.clone();
    }

    @Override
    public <T> @Nullable TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<? super T> raw = type.getRawType();
        // A record that names its own adapter keeps it (user factories come before Gson's @JsonAdapter support).
        if (!raw.isRecord() || !ours(raw) || raw.isAnnotationPresent(com.google.gson.annotations.JsonAdapter.class)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        TypeAdapter<T> adapter = (TypeAdapter<T>) new Adapter<>(gson, raw);
        return adapter;
    }

    private boolean ours(Class<?> type) {
        for (String p : packages) {
            if (type.getPackageName().equals(p)) {
                return true;
            }
        }
        return false;
    }

    /** How one component is read from its value. */
    private enum Kind { LONG, BOOLEAN, DOUBLE, OBJECT }

    /** One record component: its JSON name, its accessor and its adapter. */
    private static final class Component {
        final String name;
        final Kind kind;
        final Object accessor;
        final TypeAdapter<Object> adapter;
        final @Nullable Object absent;

        @SuppressWarnings("unchecked")
        Component(Gson gson, RecordComponent c) {
            // @SerializedName targets fields and methods, so it lands on the accessor, not on the component.
            SerializedName serialized = c.getAccessor().getAnnotation(SerializedName.class);
            this.name = serialized != null ? serialized.value() : c.getName();
            Class<?> type = c.getType();
            this.kind = type == long.class ? Kind.LONG
                    : type == boolean.class ? Kind.BOOLEAN
                    : type == double.class ? Kind.DOUBLE
                    : Kind.OBJECT;
            if (type.isPrimitive() && kind == Kind.OBJECT) {
                throw new IllegalArgumentException(c + ": only long, boolean and double primitives are expected");
            }
            this.accessor = accessor(c, kind);
            this.adapter = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(c.getGenericType()));
            this.absent = switch (kind) {
                case LONG -> 0L;
                case BOOLEAN -> false;
                case DOUBLE -> 0.0;
                case OBJECT -> null;
            };
        }

        /** A lambda over the accessor method: an interface call per value instead of a reflective one. */
        private static Object accessor(RecordComponent c, Kind kind) {
            Class<?> record = c.getDeclaringRecord();
            Class<?> type = c.getType();
            try {
                MethodHandle getter = LOOKUP.unreflect(c.getAccessor());
                Class<?> face;
                String method;
                MethodType erased;
                switch (kind) {
                    case LONG -> {
                        face = ToLongFunction.class;
                        method = "applyAsLong";
                        erased = MethodType.methodType(long.class, Object.class);
                    }
                    case BOOLEAN -> {
                        face = Predicate.class;
                        method = "test";
                        erased = MethodType.methodType(boolean.class, Object.class);
                    }
                    case DOUBLE -> {
                        face = ToDoubleFunction.class;
                        method = "applyAsDouble";
                        erased = MethodType.methodType(double.class, Object.class);
                    }
                    default -> {
                        face = Function.class;
                        method = "apply";
                        erased = MethodType.methodType(Object.class, Object.class);
                    }
                }
                return LambdaMetafactory.metafactory(LOOKUP, method, MethodType.methodType(face), erased, getter,
                        MethodType.methodType(type, record)).getTarget().invoke();
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + record.getName() + "." + c.getName(), e);
            }
        }
    }

    /** The adapter of one record type. */
    private static final class Adapter<T> extends TypeAdapter<T> {
        private final Class<T> type;
        private final Component[] components;
        private final Map<String, Integer> index = new HashMap<>();
        /** The components of primitive type, which need a default when absent (a Message has 2 of 110). */
        private final int[] primitives;
        private final Constructor<T> constructor;

        Adapter(Gson gson, Class<T> type) {
            this.type = type;
            RecordComponent[] rc = type.getRecordComponents();
            this.components = new Component[rc.length];
            Class<?>[] parameters = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                components[i] = new Component(gson, rc[i]);
                index.put(components[i].name, i);
                parameters[i] = rc[i].getType();
            }
            this.primitives = java.util.stream.IntStream.range(0, rc.length)
                    .filter(i -> components[i].kind != Kind.OBJECT).toArray();
            try {
                this.constructor = type.getDeclaredConstructor(parameters);
                // Public already; accessible spares newInstance its caller check on every value.
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void write(JsonWriter out, @Nullable T value) throws IOException {
            if (value == null) {
                out.nullValue();
                return;
            }
            out.beginObject();
            for (Component c : components) {
                switch (c.kind) {
                    case LONG -> out.name(c.name).value(((ToLongFunction<Object>) c.accessor).applyAsLong(value));
                    case BOOLEAN -> out.name(c.name).value(((Predicate<Object>) c.accessor).test(value));
                    case DOUBLE -> out.name(c.name).value(((ToDoubleFunction<Object>) c.accessor).applyAsDouble(value));
                    default -> {
                        Object v = ((Function<Object, Object>) c.accessor).apply(value);
                        if (v != null) {
                            c.adapter.write(out.name(c.name), v);
                        } else if (out.getSerializeNulls()) {
                            out.name(c.name).nullValue();
                        }
                    }
                }
            }
            out.endObject();
        }

        @Override
        public @Nullable T read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            Object[] args = new Object[components.length];
            in.beginObject();
            while (in.hasNext()) {
                Integer i = index.get(in.nextName());
                if (i == null) {
                    in.skipValue();
                    continue;
                }
                Object v = components[i].adapter.read(in);
                if (v == null && components[i].kind != Kind.OBJECT) {
                    throw new JsonParseException("null is not allowed for " + type.getSimpleName() + "."
                            + components[i].name + " at " + in.getPath());
                }
                args[i] = v;
            }
            in.endObject();
            for (int i : primitives) {
                if (args[i] == null) {
                    args[i] = components[i].absent;
                }
            }
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                throw new JsonParseException("cannot make a " + type.getSimpleName() + ": " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a " + type.getSimpleName(), e);
            }
        }
    }
}
