import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../domain/index.js';

/**
 * A host as links may carry it: a name or IPv4 address, or an IPv6 literal in brackets, and a
 * port. Stricter than RFC 3986's reg-name (no percent-escapes or sub-delimiters), which no
 * client needs and which would go into links as written.
 */
const HOST = /^(?:(?<name>[A-Za-z0-9._~-]+)|\[(?<ipv6>[0-9A-Fa-f:.]+)\])(?::(?<port>\d{1,5}))?$/;

const isHost = (value: string): boolean => {
  const match = HOST.exec(value);
  if (match === null) return false;
  const { ipv6, port } = match.groups ?? {};
  // A port no connection can have would go into links as written: 1 to 65535 only.
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) return false;
  return ipv6 === undefined || isIP(ipv6) === 6;
};

const refusal = (message: string, field: string, header = 'host') =>
  new AppError('bad_request', message, [{ field: `headers.${header}`, message: field }]);

/**
 * The refusal of a request whose Host cannot name this site (RFC 9112 §3.2): absent from
 * HTTP/1.1, given twice (Node keeps the first), or not a host. An HTTP/1.0 request may leave
 * Host out, but without PUBLIC_URL its pages would have no origin for their absolute links; the
 * listening address is no answer, being 0.0.0.0, or a container's or a proxy's side of it.
 */
export const hostProblem = (
  request: IncomingMessage,
  publicUrl: string | undefined,
): AppError | undefined => {
  const lines = request.rawHeaders.filter((name, i) => i % 2 === 0 && /^host$/i.test(name)).length;
  if (lines > 1) return refusal('A request must send one Host header, not several.', 'is repeated');
  const host = request.headers.host;
  if (host === undefined) {
    if (request.httpVersion === '1.1') {
      return refusal('An HTTP/1.1 request must send a Host header.', 'is required');
    }
    return publicUrl === undefined
      ? refusal(
          'A request must send a Host header: this site has no PUBLIC_URL to build links from.',
          'is required',
        )
      : undefined;
  }
  return isHost(host)
    ? undefined
    : refusal(
        'The Host header must be a host name or address, with a port or not.',
        'is not a host',
      );
};

/**
 * The refusal of a host a trusted proxy forwards (the last entry of X-Forwarded-Host) that is
 * not a host. Fastify takes it for `request.host`, from which links and the site's own origin
 * are made, so it is held to the rule of the Host it stands in for. From a peer not trusted,
 * Fastify keeps the Host, and the header is neither read nor judged.
 */
export const forwardedHostProblem = (request: FastifyRequest): AppError | undefined => {
  // `request.host` differs from the Host sent only when Fastify believed X-Forwarded-Host.
  if (request.host === (request.headers.host ?? '') || isHost(request.host)) return undefined;
  return refusal(
    'The host a proxy forwards in X-Forwarded-Host must be a host name or address, with a port or not.',
    'is not a host',
    'x-forwarded-host',
  );
};

/**
 * The refusal of a scheme a trusted proxy forwards (the last entry of X-Forwarded-Proto) other
 * than http or https. Fastify takes it for `request.protocol` as written, and links, the site's
 * own origin and the Secure flag of its cookies are made from it. Untrusted peers' headers are
 * never read, their scheme being the connection's.
 */
export const forwardedProtoProblem = (request: FastifyRequest): AppError | undefined => {
  // Typed as the two schemes a connection can have; from a proxy it is whatever it wrote.
  const scheme: string = request.protocol;
  return scheme === 'http' || scheme === 'https'
    ? undefined
    : refusal(
        'The scheme a proxy forwards in X-Forwarded-Proto must be http or https.',
        'is not http or https',
        'x-forwarded-proto',
      );
};
