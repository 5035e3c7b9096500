package dev.dojo.common.httpdate;

import dev.dojo.common.netty.AnswerRule;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AsciiString;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The dates of an answer ({@code Date}, {@code Last-Modified}, {@code Expires}) in the one form RFC 9110 §5.6.7
 * lets a sender write, IMF-fixdate, whose day has two digits: {@code Fri, 04 Dec 2026 12:00:00 GMT}. Micronaut
 * formats them with Java's {@code RFC_1123_DATE_TIME}, which writes the 1st to the 9th of a month with one
 * ({@code Fri, 4 Dec 2026}) — no HTTP-date form at all, which a strict cache may fail to read (and then never
 * revalidate a file by its {@code Last-Modified}). Rewritten in the connection's pipeline, where a static file's dates
 * are already set.
 */
@Singleton
public class ImfFixdate extends AnswerRule {

    private static final List<AsciiString> DATES = List.of(HttpHeaderNames.DATE, HttpHeaderNames.LAST_MODIFIED,
            HttpHeaderNames.EXPIRES);

    /** Gives each date of {@code response} written with a one-digit day its two digits. */
    @Override
    protected void apply(HttpResponse response) {
        HttpHeaders headers = response.headers();
        for (AsciiString name : DATES) {
            String value = headers.get(name);
            String fixed = value == null ? null : fixdate(value);
            if (fixed != null) {
                headers.set(name, fixed);
            }
        }
    }

    /**
     * {@code value} with its day padded when it is Java's RFC 1123 form of the 1st to the 9th ({@code "Fri, 4 Dec
     * 2026 12:00:00 GMT"}); null when it needs nothing.
     */
    static String fixdate(String value) {
        boolean oneDigitDay = value.length() == 28 && value.charAt(3) == ',' && value.charAt(4) == ' '
                && Character.isDigit(value.charAt(5)) && value.charAt(6) == ' ';
        return oneDigitDay ? value.substring(0, 5) + '0' + value.substring(5) : null;
    }
}
