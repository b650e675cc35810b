const OPERATIONS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Whether a request is a probe of a load balancer or a monitor. Probes decide whether the
 * instance gets traffic, so they are never rate limited and never refused for a stray header.
 */
export const isOperationsPath = (url: string): boolean => OPERATIONS.has(url.split('?')[0]!);
