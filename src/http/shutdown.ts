import type { App } from './app.js';

/**
 * Stops the server: it takes no new connections, answers new requests on open ones with 503,
 * and lets requests in flight finish for up to `graceMs`; then every connection still open,
 * such as a client trickling a body, is cut, so a stop never waits on a client.
 */
export const closeGracefully = async (app: App, graceMs: number): Promise<void> => {
  const cut = setTimeout(() => app.server.closeAllConnections(), graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
};
