import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Transform } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ServerLimits } from '../../config.js';
import { AppError } from '../../domain/index.js';
import { hasBody, mediaTypeOf } from '../media-type.js';
import { problemOf } from '../problem.js';
import { cutSlowReaders } from '../slow-readers.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Media types this route reads as a stream; they are exempt from the body timeout. */
    streamedMediaTypes?: readonly string[];
  }
}

/**
 * What a connection refused at the cap is told, before it is closed: written on the socket, as
 * no request of it has been read, but the same problem document every other refusal is.
 */
const busyAnswer = (): string => {
  const refusal = new AppError(
    'unavailable',
    'Every connection this address holds has a request in progress; retry shortly.',
  );
  const body = JSON.stringify(problemOf(refusal, randomUUID()));
  return [
    'HTTP/1.1 503 Service Unavailable',
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Retry-After: 1',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
};

/**
 * How long a connection must have sat with no request in progress before it may make way for a
 * new one: less, and a burst of connections whose requests are still on the wire would close
 * each other before a byte of them was read.
 */
const IDLE_BEFORE_EVICTION_MS = 1_000;

/**
 * Caps the connections one address may hold open, so one client cannot take every file
 * descriptor with connections that send a byte now and then. Over the cap, the address's oldest
 * connection that has had no request in progress for a second makes way for the new one: those
 * trickle their headers or sit idle, and the newest request (a health check, a user's click)
 * is the one worth serving. A request in progress is never cut, nor a connection just opened:
 * when none may make way, the new connection is answered 503 with Retry-After and closed.
 */
const capConnectionsPerAddress = (server: Server, cap: number): void => {
  if (cap === 0) return;
  const open = new Map<string, Set<Socket>>();
  // When each connection last opened or ended a request; Infinity while one is in progress.
  const idleSince = new WeakMap<Socket, number>();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const { socket } = request;
    idleSince.set(socket, Infinity);
    response.once('close', () => idleSince.set(socket, performance.now()));
  });
  const mayMakeWay = (socket: Socket, now: number): boolean =>
    now - (idleSince.get(socket) ?? now) >= IDLE_BEFORE_EVICTION_MS;
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const sockets = open.get(address) ?? new Set<Socket>();
    open.set(address, sockets);
    const now = performance.now();
    if (sockets.size >= cap) {
      const idle = [...sockets].find((s) => mayMakeWay(s, now));
      if (idle === undefined) {
        socket.end(busyAnswer(), () => socket.destroy());
        return;
      }
      sockets.delete(idle);
      idle.destroy();
    }
    sockets.add(socket);
    idleSince.set(socket, now);
    socket.once('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0 && open.get(address) === sockets) open.delete(address);
    });
  });
};

/**
 * Passes a body through, failing it when it has not arrived whole within `ms`: a client that
 * trickles a byte now and then cannot hold a request open for long.
 */
const deadline = (ms: number): Transform => {
  const stream = new Transform({
    transform: (chunk, _encoding, next) => next(null, chunk),
    flush: (next) => {
      clearTimeout(timer);
      next();
    },
  });
  const timer = setTimeout(() => {
    stream.destroy(
      new AppError('request_timeout', `The body did not arrive within ${ms / 1000} s.`),
    );
  }, ms);
  stream.once('close', () => clearTimeout(timer));
  return stream;
};

/**
 * The limits that protect the server from slow, many or endless requests, beyond the timeouts
 * the HTTP server itself enforces (headers, whole request, idle connection; see `buildApp`).
 */
export const limitsPlugin = fp((app: FastifyInstance, limits: ServerLimits) => {
  app.server.maxConnections = limits.maxConnections;
  capConnectionsPerAddress(app.server, limits.maxConnectionsPerAddress);
  cutSlowReaders(app.server, limits.answerMinBytes, limits.answerWindowMs);
  app.addHook('preParsing', (request, reply, payload, done) => {
    const streamed = request.routeOptions.config.streamedMediaTypes ?? [];
    if (!hasBody(request) || streamed.includes(mediaTypeOf(request.headers['content-type']))) {
      done(null, payload);
      return;
    }
    // A form's parts are read from the request itself, not from the stream handed on here: the
    // stream is drained, or it would hold the request back, and its timeout reaches the parts.
    const multipart = mediaTypeOf(request.headers['content-type']) === 'multipart/form-data';
    // The rest of a body that timed out is never read, so the connection cannot be reused.
    const timed = deadline(limits.bodyTimeoutMs);
    timed.once('error', (error) => {
      reply.header('connection', 'close');
      // Only to a reader that listens: an error emitted to none would end the process.
      if (multipart && request.raw.listenerCount('error') > 0) request.raw.emit('error', error);
    });
    // Not `pipeline`: a body that timed out must leave the connection up for the 408.
    payload.once('error', (error) => timed.destroy(error));
    done(null, payload.pipe(timed));
    if (multipart) timed.resume();
  });
});
