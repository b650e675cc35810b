import {
  analyzeJobDescription,
  diagnose,
  type Diagnosis,
  type JobAnalysis,
  type TextFormat,
} from '../../analysis/index.js';
import { readWordDocument, type DocxFault } from '../../importers/docx/index.js';
import type { TitleIndex } from '../../matching/index.js';
import type { Store } from '../../store/index.js';
import { DerivedView, type ChangeFeed } from '../derived/index.js';
import { roleTitleIndex } from '../normalize/role-title-index.js';
import { librarySnapshot, type Library } from './library-snapshot.js';

/**
 * An analysis, a diagnosis or the reading of a Word document's text, as plain data: it may be
 * sent to another thread. A Word document is read where analyses run because reading one holds
 * its thread for up to two seconds (100,000 XML tags), which the serving thread cannot spare.
 */
export type AnalysisJob =
  | { kind: 'analyze'; input: { text: string; format?: TextFormat | undefined } }
  | { kind: 'diagnose'; input: { text: string; limit?: number | undefined } }
  | { kind: 'read-docx'; input: { data: Uint8Array } };

export type ResultOf<Job extends AnalysisJob> = Job extends { kind: 'analyze' }
  ? JobAnalysis
  : Job extends { kind: 'diagnose' }
    ? Diagnosis
    : string | { fault: DocxFault };

/** What a job weighs in the queue: its text's characters, or its document's bytes. */
export const jobSize = (job: AnalysisJob): number =>
  job.kind === 'read-docx' ? job.input.data.byteLength : job.input.text.length;

/** What analysis reads from the store, kept current as the store changes. */
export interface AnalysisViews {
  library: DerivedView<Library>;
  titles: DerivedView<TitleIndex>;
}

/** The views of a store that analysis reads, each built on first use. */
export const analysisViews = (base: { store: Store; changes: ChangeFeed }): AnalysisViews => ({
  library: new DerivedView(base, librarySnapshot),
  titles: new DerivedView(base, roleTitleIndex),
});

/** Where analyses and diagnoses run: on this thread, or on a worker thread of their own. */
export interface Analyses {
  run<Job extends AnalysisJob>(job: Job): Promise<ResultOf<Job>>;
  /** Gets ready for the first job, so that it does not wait for a start. */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The job's work, once what it reads is current: the waiting is done here, so the work itself
 * holds its thread only while it computes.
 */
export const prepareJob = async <Job extends AnalysisJob>(
  job: Job,
  views: AnalysisViews,
): Promise<() => ResultOf<Job> | Promise<ResultOf<Job>>> => {
  if (job.kind === 'read-docx') {
    const { data } = job.input;
    // Sent to a thread, a Buffer arrives as a plain Uint8Array.
    const document = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return () => readWordDocument(document, 'text') as Promise<ResultOf<Job>>;
  }
  if (job.kind === 'analyze') {
    const [library, titles] = await Promise.all([views.library.get(), views.titles.get()]);
    const { text, format } = job.input;
    return () =>
      analyzeJobDescription(
        { text, ...(format ? { format } : {}) },
        {
          ...library,
          titles,
        },
      ) as ResultOf<Job>;
  }
  const library = await views.library.get();
  const { text, limit } = job.input;
  return () => diagnose(text, { ...library, ...(limit ? { limit } : {}) }) as ResultOf<Job>;
};
