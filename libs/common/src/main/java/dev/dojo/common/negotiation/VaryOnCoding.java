package dev.dojo.common.negotiation;

import dev.dojo.common.netty.AnswerRule;
import io.micronaut.http.MediaType;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import jakarta.inject.Singleton;

/**
 * {@code Vary: Accept-Encoding} on every answer whose body Micronaut compresses for a caller that accepts it — a
 * text-based one ({@link MediaType#isTextBased}, Micronaut's own rule), whether or not this caller took a coding —
 * and on a 304, which stands for such an answer (RFC 9110 §12.5.5, §15.4.5). Without it a shared cache keeps the
 * gzip of a client asset (public for a year) and hands it to a caller that cannot read gzip. Micronaut's compressor
 * does not say so itself. Set in the connection's pipeline, where the answer's final content type is known (a
 * static file's is set only as it is written, after every filter).
 */
@Singleton
public class VaryOnCoding extends AnswerRule {

    private static final String CODING = "Accept-Encoding";

    /** Adds {@code Accept-Encoding} to {@code response}'s Vary when its representation depends on it. */
    @Override
    protected void apply(HttpResponse response) {
        HttpHeaders headers = response.headers();
        String type = headers.get(HttpHeaderNames.CONTENT_TYPE);
        boolean varies = response.status().equals(HttpResponseStatus.NOT_MODIFIED)
                || type != null && MediaType.isTextBased(type);
        if (varies && !named(headers)) {
            headers.add(HttpHeaderNames.VARY, CODING);
        }
    }

    /** Vary already names Accept-Encoding, or {@code *} (everything). */
    private static boolean named(HttpHeaders headers) {
        if (!headers.contains(HttpHeaderNames.VARY)) {
            return false; // most answers: no list to build
        }
        for (String value : headers.getAll(HttpHeaderNames.VARY)) {
            for (String field : value.split(",")) {
                String name = field.trim();
                if (name.equals("*") || name.equalsIgnoreCase(CODING)) {
                    return true;
                }
            }
        }
        return false;
    }
}
