package dev.dojo.main.proxy;

import io.micronaut.http.MutableHttpHeaders;

import java.util.List;

/**
 * The few header operations the proxy's rules need (names are best given as {@link io.netty.util.AsciiString}
 * constants, whose hash Netty's header maps need not recompute per look-up), so one rule serves Micronaut's headers
 * ({@link GatewayFilter}) and Netty's ({@link EdgeGuard}, before Micronaut sees a request).
 */
public interface HeaderMap {

    List<String> getAll(CharSequence name);

    String get(CharSequence name);

    void set(CharSequence name, String value);

    void remove(CharSequence name);

    static HeaderMap of(MutableHttpHeaders headers) {
        return new HeaderMap() {
            @Override
            public List<String> getAll(CharSequence name) {
                return headers.getAll(name);
            }

            @Override
            public String get(CharSequence name) {
                return headers.get(name);
            }

            @Override
            public void set(CharSequence name, String value) {
                headers.set(name, value);
            }

            @Override
            public void remove(CharSequence name) {
                headers.remove(name);
            }
        };
    }

    static HeaderMap of(io.netty.handler.codec.http.HttpHeaders headers) {
        return new HeaderMap() {
            @Override
            public List<String> getAll(CharSequence name) {
                return headers.getAll(name);
            }

            @Override
            public String get(CharSequence name) {
                return headers.get(name);
            }

            @Override
            public void set(CharSequence name, String value) {
                headers.set(name, value);
            }

            @Override
            public void remove(CharSequence name) {
                headers.remove(name);
            }
        };
    }
}
