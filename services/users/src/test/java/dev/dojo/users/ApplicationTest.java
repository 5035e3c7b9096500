package dev.dojo.users;

import dev.dojo.testing.ServiceSmokeTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest
class ApplicationTest extends ServiceSmokeTest {
}
