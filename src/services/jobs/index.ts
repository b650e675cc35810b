export type { JobLimits } from './job-limits.js';
export { jobOwnerOf } from './job-owner.js';
export { jobResult, type JobResult, type ResultFormat } from './job-result.js';
export { startJobRunner, type JobRunner, type JobRunnerOptions } from './job-runner.js';
export { uploadTooLarge } from './job-upload.js';
export type { JobFormat, JobView } from './job-view.js';
export {
  cancelJob,
  getJob,
  listJobs,
  submitJob,
  sweepExpiredJobs,
  type JobSubmission,
} from './normalize-jobs.service.js';
