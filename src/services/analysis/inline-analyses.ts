import { analysisQueue } from './analysis-queue.js';
import { jobSize, prepareJob, type Analyses, type AnalysisViews } from './analysis-jobs.js';

/**
 * Analyses on this thread, one at a time: for a command that runs one and exits, where a
 * worker thread would only add its start.
 */
export const inlineAnalyses = (views: AnalysisViews, queue = analysisQueue()): Analyses => ({
  async run(job) {
    const work = await prepareJob(job, views);
    return queue.run(jobSize(job), work);
  },
  async warmUp() {
    await Promise.all([views.library.get(), views.titles.get()]);
  },
  async close() {},
});
