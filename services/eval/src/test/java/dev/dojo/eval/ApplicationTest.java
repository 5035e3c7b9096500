package dev.dojo.eval;

import dev.dojo.eval.testing.EvalProperties;
import dev.dojo.testing.ServiceSmokeTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationTest extends ServiceSmokeTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return EvalProperties.of();
    }
}
