import type { IncomingMessage } from 'node:http';

/** The least an upload still arriving must bring: `minBytes` in every window of `windowMs`. */
export interface UploadRate {
  minBytes: number;
  windowMs: number;
}

/**
 * Closes the connection of an upload that brings less than its share in a window while it is
 * still arriving: a client that trickles a byte now and then would otherwise hold what its
 * request holds (a stream slot, a job's queue place) until the request timeout. Call the
 * returned function once the request is answered. A rate of 0 bytes watches nothing.
 */
export const holdToUploadRate = (upload: IncomingMessage, rate: UploadRate): (() => void) => {
  if (rate.minBytes === 0) return () => undefined;
  const { socket } = upload;
  let seen = socket.bytesRead;
  const watch = setInterval(() => {
    if (upload.complete) return clearInterval(watch);
    if (socket.bytesRead - seen < rate.minBytes) socket.destroy();
    seen = socket.bytesRead;
  }, rate.windowMs).unref();
  return () => clearInterval(watch);
};
