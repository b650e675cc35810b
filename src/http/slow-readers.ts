import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** Bytes written on `socket` that the kernel has taken from it: written, less what still waits. */
const drained = (socket: Socket): number => socket.bytesWritten - socket.writableLength;

/**
 * Closes the connection of an answer whose reader takes less than `minBytes` in a window of
 * `windowMs` while the answer waits on it: a client that reads a long answer a few bytes at a
 * time would otherwise keep its request (and a stream's slot) until the idle timeout, as every
 * byte it reads counts as activity. An answer is judged only after a whole window it was watched,
 * and only while some of it is still waiting to be sent.
 */
export const cutSlowReaders = (server: Server, minBytes: number, windowMs: number): void => {
  if (minBytes === 0) return;
  // What each answer in progress had drained at the last window's end; absent before its first.
  const watched = new Map<ServerResponse, number | undefined>();
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    watched.set(response, undefined);
    response.once('close', () => watched.delete(response));
  });
  const timer = setInterval(() => {
    for (const [response, seen] of watched) {
      const { socket } = response;
      if (socket === null) continue;
      const now = drained(socket);
      if (seen !== undefined && socket.writableLength > 0 && now - seen < minBytes) {
        socket.destroy();
        watched.delete(response);
      } else {
        watched.set(response, now);
      }
    }
  }, windowMs).unref();
  server.once('close', () => clearInterval(timer));
};
