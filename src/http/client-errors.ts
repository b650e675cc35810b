import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { AppError } from '../domain/index.js';
import { dataPolicy, sharedHeaders } from './plugins/security-headers.plugin.js';
import { problemOf } from './problem.js';

/** Node's own ceiling on a request line and its headers together (`--max-http-header-size`). */
const MAX_HEADER_BYTES = 16_384;

const errorOf = (code: string | undefined): AppError => {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new AppError(
      'headers_too_large',
      `The request line and headers are over ${MAX_HEADER_BYTES} bytes; send long input in a body.`,
    );
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new AppError('request_timeout', 'The request headers did not arrive in time.');
  }
  return new AppError('bad_request', 'The request is not valid HTTP/1.1.');
};

/** Writes a problem as a whole HTTP response and closes the connection. */
const answerOnSocket = (socket: Duplex, error: AppError): void => {
  const problem = problemOf(error, randomUUID());
  const body = JSON.stringify(problem);
  const headers = {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
    ...sharedHeaders,
    'content-security-policy': dataPolicy,
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n${head}\r\n${body}`);
};

/**
 * Answers what Node's parser refuses before a request exists (a URL or headers too large,
 * headers too slow, a malformed request line or header, Content-Length beside
 * Transfer-Encoding) as problem+json, like every other error, and closes the connection: the
 * bytes that follow cannot be trusted to start a request.
 */
export const answerClientError = (error: Error & { code?: string }, socket: Socket): void => {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  answerOnSocket(socket, errorOf(error.code));
};

/**
 * Answers CONNECT, which asks for a tunnel and never reaches a route: Node would otherwise close
 * the connection without a word.
 */
export const refuseConnect = (_request: IncomingMessage, socket: Duplex): void => {
  // Node hands the socket over with no listener of its own: a reset must not crash the process.
  socket.on('error', () => socket.destroy());
  answerOnSocket(
    socket,
    new AppError('method_not_allowed', 'This server is no proxy: it answers no CONNECT.'),
  );
};
