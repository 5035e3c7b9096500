/**
 * Token validation shared by every Dojo service that protects endpoints (users issues the tokens and validates them
 * with its own key, eval validates them against users' JWKS; main validates none: it passes {@code Authorization}
 * through to the service that owns the path). It makes a protected endpoint answer the contract's messages in the envelope:
 * <ul>
 *   <li>no {@code Authorization} header, or one that is not {@code Bearer <token>} → 401 "Provide a valid auth token."</li>
 *   <li>a correctly signed token whose {@code exp} has passed → 401 "Signature expired. Please log in again."</li>
 *   <li>any other rejected token (bad signature, {@code alg: none}, HS256 signed with the public key, unknown key,
 *       malformed) → 401 "Invalid token. Please log in again."</li>
 *   <li>authenticated but lacking the required role → 403 "You do not have permission to do that."</li>
 * </ul>
 *
 * <h2>How a service uses it</h2>
 * <ol>
 *   <li>Add {@code io.micronaut.security:micronaut-security-jwt} to the service's pom (it is an optional dependency
 *       of dojo-common, so services without security do not get it, and these beans stay inactive there).</li>
 *   <li>Tell the service where the signing keys are. A validating service other than users (today eval) reads
 *       users' JWKS:
 *       <pre>
 * micronaut.security.token.jwt.signatures.jwks.users.url: ${DOJO_USERS_JWKS_URL:`http://localhost:8081/keys`}
 *       </pre>
 *       users itself validates with the key it signs with.</li>
 *   <li>Annotate endpoints: {@code @Secured(SecurityRule.IS_AUTHENTICATED)} for any signed-in user,
 *       {@code @Secured(Roles.ADMIN)} for admins, {@code @Secured(SecurityRule.IS_ANONYMOUS)} for public ones.
 *       {@link dev.dojo.common.security.PublicEndpointsRule} already lets anyone GET {@code /ping}, {@code /health/**}
 *       and {@code /swagger/**}.</li>
 *   <li>Read the caller with {@link dev.dojo.common.security.Caller#of(io.micronaut.security.authentication.Authentication)}
 *       (user id from {@code sub}, admin flag from {@code roles}).</li>
 * </ol>
 * Nothing else is needed: {@link dev.dojo.common.security.TokenRejectionHandler} replaces Micronaut's
 * authorization-failure handler and {@link dev.dojo.common.security.ExpiryRecordingValidator} replaces its
 * expiration check so that the handler can tell "expired" from "invalid". Token validation never calls users.
 *
 * <p>Token claims (issued by users): {@code sub} = user id as a string, {@code iat}, {@code exp},
 * {@code roles} = {@code ["user"]} or {@code ["user","admin"]}.
 */
package dev.dojo.common.security;
