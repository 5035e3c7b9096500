package dev.dojo.common.json;

import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.config.annotation.SerdeConfig;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;

import java.util.List;
import java.util.Optional;

/**
 * The JSON path ({@code exercise_id}, {@code tests[2].call}) of the value a {@link SerdeException} was decoding,
 * spelled as the client wrote it: Serde records Java properties, and the JSON name comes from the property's
 * {@code @JsonProperty} or from the naming strategy Serde's processor applied at compile time.
 */
public final class JsonFieldPath {

    private static final String JACKSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";

    private JsonFieldPath() {
    }

    /** The path, or empty if the exception names no property (malformed JSON, a wrong top-level type). */
    public static Optional<String> of(SerdeException e) {
        List<ReferencePath> path = e.getPath();
        StringBuilder out = new StringBuilder();
        // Serde appends while unwinding: the innermost value comes first
        for (int i = path.size() - 1; i >= 0; i--) {
            ReferencePath step = path.get(i);
            if (step instanceof PropertyReferencePath property) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(jsonName(property.type(), property.property()));
            } else if (step instanceof CollectionItemReferencePath item) {
                out.append('[').append(item.index()).append(']');
            }
        }
        return out.isEmpty() || out.charAt(0) == '[' ? Optional.empty() : Optional.of(out.toString());
    }

    static String jsonName(Class<?> beanType, Argument<?> property) {
        return property.getAnnotationMetadata().stringValue(SerdeConfig.class, SerdeConfig.PROPERTY)
                .or(() -> property.getAnnotationMetadata().stringValue(JACKSON_PROPERTY))
                .or(() -> BeanIntrospector.SHARED.findIntrospection(beanType)
                        .flatMap(bean -> bean.getProperty(property.getName()))
                        .flatMap(bean -> bean.getAnnotationMetadata()
                                .stringValue(SerdeConfig.class, SerdeConfig.PROPERTY)))
                .orElse(property.getName());
    }
}
