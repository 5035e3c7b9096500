package dev.dojo.users.password;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * bcrypt settings ({@code dojo.bcrypt.*}).
 *
 * @param cost the bcrypt work factor: 12 in production, 4 in tests (env {@code DOJO_BCRYPT_COST})
 */
@ConfigurationProperties("dojo.bcrypt")
public record PasswordSettings(@Bindable(defaultValue = "12") @Min(4) @Max(16) int cost) {
}
