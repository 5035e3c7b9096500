package dev.dojo.common.envelope;

/** Messages of the original contract that more than one service answers with. */
public final class Messages {
    public static final String INVALID_PAYLOAD = "Invalid payload.";
    public static final String NO_PERMISSION = "You do not have permission to do that.";
    public static final String PROVIDE_TOKEN = "Provide a valid auth token.";
    public static final String TOKEN_EXPIRED = "Signature expired. Please log in again.";
    public static final String TOKEN_INVALID = "Invalid token. Please log in again.";
    public static final String USER_UNAVAILABLE = "Something went wrong. Please contact us.";
    public static final String NOT_FOUND = "Not found.";
    public static final String METHOD_NOT_ALLOWED = "Method not allowed.";
    public static final String PAYLOAD_TOO_LARGE = "Payload too large.";
    public static final String NOT_ACCEPTABLE = "Not acceptable: no answer of this endpoint matches the Accept header.";
    public static final String UNSUPPORTED_ENCODING =
            "Unsupported content encoding: send the body unencoded, gzip or deflate.";
    public static final String UNSUPPORTED_MEDIA_TYPE = "Unsupported media type: send application/json.";
    public static final String SERVER_ERROR = "Something went wrong. Please try again later.";

    private Messages() {
    }
}
