package dev.dojo.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A service's {@code /prometheus} as a scraper reads it: the text exposition format, sample values by label. */
public final class PrometheusText {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PrometheusText() {
    }

    /** GET {@code url}: asserts a 200 in the text format and returns the body. */
    public static String scrape(URI url) throws IOException, InterruptedException {
        HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scrape.statusCode(), url + ": " + scrape.body());
        assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                scrape.headers().toString());
        return scrape.body();
    }

    /** The sum of the samples of {@code series} (e.g. {@code "jvm_threads_live_threads{"}) whose labels contain all
     * of {@code labels} ({@code "area=\"heap\""}); fails when there is none. */
    public static double value(String exposition, String series, String... labels) {
        List<String> lines = exposition.lines()
                .filter(line -> line.startsWith(series))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .toList();
        assertTrue(!lines.isEmpty(), "no " + series + " " + Arrays.toString(labels) + " in\n"
                + exposition.lines().filter(l -> l.startsWith(series.replace("{", ""))).limit(20).toList());
        return lines.stream().mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
