package dev.dojo.common.httpdate;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ImfFixdateTest {

    /** RFC 9110 §5.6.7's IMF-fixdate, written out. */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @Test
    void padsTheOneDigitDaysJavasRfc1123FormWrites() {
        assertEquals("Fri, 04 Dec 2026 12:36:27 GMT", ImfFixdate.fixdate("Fri, 4 Dec 2026 12:36:27 GMT"));
        // every day of a month, as Micronaut formats it: afterwards exactly the IMF-fixdate
        for (int day = 1; day <= 31; day++) {
            ZonedDateTime date = ZonedDateTime.of(2026, 12, day, 9, 5, 7, 0, ZoneOffset.UTC);
            String micronauts = date.format(DateTimeFormatter.RFC_1123_DATE_TIME);
            String fixed = ImfFixdate.fixdate(micronauts);
            assertEquals(IMF_FIXDATE.format(date), fixed == null ? micronauts : fixed, micronauts);
        }
    }

    @Test
    void leavesEverythingElseAlone() {
        for (String value : new String[]{"Fri, 04 Dec 2026 12:36:27 GMT", "", "x", "Fri, 4 Dec 2026 12:36:27 GM",
                "Fri, x Dec 2026 12:36:27 GMT", "Friday, 4-Dec-26 12:36:27 GMT", "Fri Dec  4 12:36:27 2026",
                "Fri, 4 Dec 2026 12:36:27 GMTX", "0123456789012345678901234567"}) {
            assertNull(ImfFixdate.fixdate(value), value);
        }
    }

    @Test
    void rewritesAnAnswersDates() {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set("Date", "Fri, 4 Dec 2026 12:36:27 GMT")
                .set("Last-Modified", "Tue, 1 Dec 2026 08:00:00 GMT")
                .set("Expires", "Fri, 11 Dec 2026 12:36:27 GMT")
                .set("X-Other", "Fri, 4 Dec 2026 12:36:27 GMT");
        new ImfFixdate().apply(response);
        assertEquals("Fri, 04 Dec 2026 12:36:27 GMT", response.headers().get("Date"));
        assertEquals("Tue, 01 Dec 2026 08:00:00 GMT", response.headers().get("Last-Modified"));
        assertEquals("Fri, 11 Dec 2026 12:36:27 GMT", response.headers().get("Expires"));
        assertEquals("Fri, 4 Dec 2026 12:36:27 GMT", response.headers().get("X-Other"));
    }
}
