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

    /** Every latency histogram's bucket bounds in seconds (libs/common observability.LatencyBuckets), then +Inf. */
    public static final List<Double> LATENCY_BOUNDS = List.of(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
            0.5, 1.0, 2.5, 5.0, 10.0, 30.0, Double.POSITIVE_INFINITY);

    /**
     * The bucket bounds ({@code le}) of the histogram {@code series} (e.g. {@code "http_server_requests_seconds"})
     * whose bucket lines contain all of {@code labels}, in order; fails when there is none.
     */
    public static List<Double> bounds(String exposition, String series, String... labels) {
        List<Double> bounds = exposition.lines()
                .filter(line -> line.startsWith(series + "_bucket{"))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .map(line -> line.replaceAll(".*le=\"([^\"]*)\".*", "$1"))
                .map(le -> le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le))
                .toList();
        assertTrue(!bounds.isEmpty(), "no " + series + " histogram " + Arrays.toString(labels));
        return bounds;
    }
}
