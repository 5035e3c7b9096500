/**
 * The edge's fast lane: plain proxied exchanges handled in main's Netty pipeline, in front of Micronaut's own
 * handler, on the same event loops. Everything it does not handle takes the full path through Micronaut's filters
 * and {@link dev.dojo.main.proxy.GatewayFilter}, which answers the same (ADR 0033).
 */
package dev.dojo.main.proxy.fast;
