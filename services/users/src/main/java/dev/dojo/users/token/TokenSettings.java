package dev.dojo.users.token;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * Token settings ({@code dojo.tokens.*}).
 *
 * @param accessLifetime  how long an access token (auth_token) is accepted; env {@code DOJO_TOKEN_LIFETIME}
 * @param refreshLifetime how long an unused refresh token can be exchanged; env {@code DOJO_REFRESH_TOKEN_LIFETIME}
 * @param privateKeyPem   the PKCS#8 RSA private key that signs access tokens; env {@code DOJO_JWT_PRIVATE_KEY_PEM}.
 *                        When absent a key is generated at start (dev only: tokens die with the process)
 * @param verifiedCacheSize how many already-verified access tokens are remembered until their {@code exp}, so that
 *                        a repeat request skips the RSA verification (docs/adr/0013); {@code 0} turns it off; env
 *                        {@code DOJO_VERIFIED_TOKEN_CACHE_SIZE}
 */
@ConfigurationProperties("dojo.tokens")
public record TokenSettings(
        @Bindable(defaultValue = "15m") Duration accessLifetime,
        @Bindable(defaultValue = "30d") Duration refreshLifetime,
        @Nullable String privateKeyPem,
        @Bindable(defaultValue = "10000") int verifiedCacheSize) {
}
