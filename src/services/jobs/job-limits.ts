/**
 * What bulk normalize jobs may take, named as the server's limits name them (see ServerLimits),
 * so the server and the command line pass their configured limits as they are.
 */
export interface JobLimits {
  /** The largest upload of one job, in bytes. */
  readonly jobBytes: number;
  /** The most lines one job's upload may hold. */
  readonly jobTitles: number;
  /** Jobs one API key or user may have waiting or running at once. */
  readonly jobsPerOwner: number;
  /** Jobs waiting or running at once, everyone's together. */
  readonly jobs: number;
  /** How long a finished job and its results are kept before they are deleted. */
  readonly jobRetentionMs: number;
  /** How long a request may last: an upload still arriving after it was left by one that died. */
  readonly requestTimeoutMs: number;
}

/**
 * Lines in one stored chunk: the unit a job is answered, saved and resumed in. Large enough
 * that a chunk's write costs little beside its matching, small enough that a restart redoes
 * well under a second of work.
 */
export const CHUNK_TITLES = 1_000;
