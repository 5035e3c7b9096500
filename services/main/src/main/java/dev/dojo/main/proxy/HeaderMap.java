package dev.dojo.main.proxy;

import io.micronaut.http.MutableHttpHeaders;

import java.util.List;

/**
 * The few header operations the proxy's rules need, so one rule serves both lanes: Micronaut's headers on the
 * filter path ({@link GatewayFilter}) and Netty's on the fast lane ({@link dev.dojo.main.proxy.fast.FastLane}).
 */
public interface HeaderMap {

    List<String> getAll(String name);

    String get(String name);

    void set(String name, String value);

    void remove(String name);

    static HeaderMap of(MutableHttpHeaders headers) {
        return new HeaderMap() {
            @Override
            public List<String> getAll(String name) {
                return headers.getAll(name);
            }

            @Override
            public String get(String name) {
                return headers.get(name);
            }

            @Override
            public void set(String name, String value) {
                headers.set(name, value);
            }

            @Override
            public void remove(String name) {
                headers.remove(name);
            }
        };
    }

    static HeaderMap of(io.netty.handler.codec.http.HttpHeaders headers) {
        return new HeaderMap() {
            @Override
            public List<String> getAll(String name) {
                return headers.getAll(name);
            }

            @Override
            public String get(String name) {
                return headers.get(name);
            }

            @Override
            public void set(String name, String value) {
                headers.set(name, value);
            }

            @Override
            public void remove(String name) {
                headers.remove(name);
            }
        };
    }
}
