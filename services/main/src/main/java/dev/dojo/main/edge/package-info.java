/**
 * The edge's HTTP/1.1 hygiene, in main's Netty pipeline before Micronaut sees a request: one reading of where each
 * request starts and ends ({@link dev.dojo.main.edge.RequestRules}, refused with 400 and a closed connection when a
 * request could be framed two ways), and deadlines for callers that send a head or a body too slowly (408).
 * ADR 0037 and docs/gateway.md ("Request framing") say why and list the desync corpus that tests it.
 */
package dev.dojo.main.edge;
