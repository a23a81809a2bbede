package no.varde.shared.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.varde.shared.TypedId;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Text → any {@link TypedId} through the type's {@code of(String)} factory; registered once for the whole
 * application. A malformed id fails the conversion (a type mismatch: 404 on pages, 400 problem details in the API).
 */
final class TypedIdConverter implements GenericConverter {

    private final Map<Class<?>, Method> factories = new ConcurrentHashMap<>();

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, TypedId.class));
    }

    @Override
    public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        Method factory = factories.computeIfAbsent(targetType.getType(), TypedIdConverter::factory);
        try {
            return factory.invoke(null, ((String) source).strip());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalArgumentException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method factory(Class<?> type) {
        try {
            Method of = type.getMethod("of", String.class);
            if (!Modifier.isStatic(of.getModifiers()) || !type.isAssignableFrom(of.getReturnType())) {
                throw new IllegalStateException(type.getName() + ".of(String) must be static and return the type");
            }
            return of;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " is a TypedId without a static of(String)", e);
        }
    }
}
