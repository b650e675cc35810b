import type { RoleRelease } from '../../src/importers/release/index.js';

export interface ReadFigures {
  roles: number;
  notes: number;
  openMs: number;
  totalMs: number;
  /** Resident memory before reading, and the peak of the whole process, in MB. */
  startRssMb: number;
  peakRssMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1_048_576);

/**
 * Opens a release and streams every role without keeping them, timing both steps and reading
 * the process's peak resident memory.
 * @example const figures = await measureRead(() => openOnetRelease(dir));
 */
export const measureRead = async (open: () => Promise<RoleRelease>): Promise<ReadFigures> => {
  const startRssMb = mb(process.memoryUsage.rss());
  const started = performance.now();
  const release = await open();
  const openMs = performance.now() - started;
  let roles = 0;
  for await (const role of release.roles()) if (role.code) roles += 1;
  return {
    roles,
    notes: release.notes.length,
    openMs: Math.round(openMs),
    totalMs: Math.round(performance.now() - started),
    startRssMb,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
};

export const report = (what: string, figures: ReadFigures): void => {
  console.log(
    `${what}: ${figures.roles} roles (${figures.notes} notes) read in ${figures.totalMs} ms ` +
      `(open ${figures.openMs} ms); RSS ${figures.startRssMb} MB at start, peak ${figures.peakRssMb} MB`,
  );
};
