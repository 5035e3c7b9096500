package dev.dojo.main.accesslog;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The access lines one thread wrote since the writer last took them. Only its thread adds to it and only the writer
 * takes from it, so the lock is almost never contended (one uncontended lock per line).
 */
final class AccessLogBatch {

    /**
     * Characters held before the adding thread waits for the writer: about 10,000 lines, a third of a second of one
     * busy event loop; only a blocked output fills it (the writer takes the lines every 20 ms).
     */
    static final int LIMIT = 1 << 20;

    private final ZoneId zone;
    private StringBuilder lines = new StringBuilder(16 * 1024);
    private long second = Long.MIN_VALUE;
    /** {@code HH:mm:ss.} of {@link #second}: the clock is formatted once a second, not once a line. */
    private String secondText = "";

    AccessLogBatch(ZoneId zone) {
        this.zone = zone;
    }

    /** Adds one line; {@code false} (and nothing added) while the batch is full. */
    synchronized boolean add(String method, String path, int status, long tenthsOfMillis, String upstream,
                             String id, String traceId) {
        if (lines.length() >= LIMIT) {
            return false;
        }
        long now = System.currentTimeMillis();
        long thisSecond = Math.floorDiv(now, 1000);
        if (thisSecond != second) {
            second = thisSecond;
            secondText = clock(LocalTime.ofInstant(Instant.ofEpochSecond(thisSecond), zone));
        }
        int millis = (int) Math.floorMod(now, 1000);
        lines.append(secondText);
        pad(millis, 100).append(" main ACCESS ")
                .append(method).append(' ')
                .append(path).append(' ')
                .append(status).append(' ')
                .append(tenthsOfMillis / 10).append('.').append(tenthsOfMillis % 10).append("ms upstream=")
                .append(upstream).append(" id=")
                .append(id);
        if (traceId != null) {
            lines.append(" trace=").append(traceId);
        }
        lines.append('\n');
        return true;
    }

    /** Hands over the lines written so far and goes on in {@code empty}. */
    synchronized StringBuilder take(StringBuilder empty) {
        StringBuilder full = lines;
        lines = empty;
        return full;
    }

    private StringBuilder pad(int value, int width) {
        for (int digit = width; digit > 1 && value < digit; digit /= 10) {
            lines.append('0');
        }
        return lines.append(value);
    }

    private static String clock(LocalTime time) {
        return two(time.getHour()) + ':' + two(time.getMinute()) + ':' + two(time.getSecond()) + '.';
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
