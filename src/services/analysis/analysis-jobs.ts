import {
  analyzeJobDescription,
  diagnose,
  type Diagnosis,
  type JobAnalysis,
  type TextFormat,
} from '../../analysis/index.js';
import type { TitleIndex } from '../../matching/index.js';
import type { Store } from '../../store/index.js';
import { DerivedView, type ChangeFeed } from '../derived/index.js';
import { roleTitleIndex } from '../normalize/role-title-index.js';
import { librarySnapshot, type Library } from './library-snapshot.js';

/** An analysis or a diagnosis, as plain data: it may be sent to another thread. */
export type AnalysisJob =
  | { kind: 'analyze'; input: { text: string; format?: TextFormat | undefined } }
  | { kind: 'diagnose'; input: { text: string; limit?: number | undefined } };

export type ResultOf<Job extends AnalysisJob> = Job extends { kind: 'analyze' }
  ? JobAnalysis
  : Diagnosis;

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
): Promise<() => ResultOf<Job>> => {
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
