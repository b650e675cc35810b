import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JobLimits } from '../services/index.js';

/** Holds a request to one of the server's limits for as long as its answer is open. */
type HoldRequest = (request: FastifyRequest, reply: FastifyReply) => void;

/**
 * What the site's uploads and downloads are held to: the API's own limits, set in one place by
 * the server, so a form is held to what the same request through the API is.
 */
export interface SiteLimits {
  /** What bulk jobs may take, as the API's jobs are configured. */
  jobs: JobLimits;
  /**
   * Takes one of the server's stream slots for an answer that streams (the CSV download of
   * `/normalize`, a job's results), freed when it ends, or throws: 429 for a client over its
   * share, 503 when the server is full.
   */
  holdStream: HoldRequest;
  /** Holds a bulk job's upload still arriving to the rate the API's uploads are held to. */
  holdUploadRate: HoldRequest;
}
