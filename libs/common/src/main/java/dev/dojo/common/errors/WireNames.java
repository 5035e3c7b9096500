package dev.dojo.common.errors;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.reflect.InstantiationUtils;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.annotation.SerdeConfig;
import io.micronaut.serde.config.naming.PropertyNamingStrategy;

import java.util.Optional;

/**
 * The name a payload's property has on the wire, for error messages: a field error must name what the client sent
 * ({@code exercise_id}), not the Java component ({@code exerciseId}). Read from the same annotations serde uses:
 * the property's own name ({@code @JsonProperty}), else the class's naming strategy ({@code @Serdeable(naming)}).
 */
final class WireNames {

    private WireNames() {
    }

    /** The wire name of {@code property} of {@code type}, or the property name itself when nothing renames it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static String of(Class<?> type, String property) {
        Optional<BeanIntrospection<Object>> introspection = BeanIntrospector.SHARED.findIntrospection((Class) type);
        if (introspection.isEmpty()) {
            return property;
        }
        Optional<BeanProperty<Object, Object>> bean = introspection.get().getProperty(property);
        if (bean.isEmpty()) {
            return property;
        }
        AnnotationMetadata metadata = bean.get().getAnnotationMetadata();
        Optional<String> renamed = metadata.stringValue(SerdeConfig.class, SerdeConfig.PROPERTY)
                .or(() -> metadata.stringValue(JsonProperty.class));
        if (renamed.isPresent() && !renamed.get().isEmpty()) {
            return renamed.get();
        }
        AnnotationMetadata typeMetadata = introspection.get().getAnnotationMetadata();
        Optional<Class> naming = typeMetadata.classValue(SerdeConfig.class, SerdeConfig.NAMING)
                .or(() -> typeMetadata.classValue(Serdeable.class, "naming"));
        return naming.filter(PropertyNamingStrategy.class::isAssignableFrom)
                .flatMap(strategy -> InstantiationUtils.tryInstantiate((Class<?>) strategy).map(Object.class::cast))
                .map(strategy -> ((PropertyNamingStrategy) strategy).translate(bean.get()))
                .orElse(property);
    }
}
