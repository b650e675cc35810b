import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../domain/index.js';
import { openStore } from '../../store/index.js';
import { ChangeFeed } from '../derived/index.js';
import { analysisViews, prepareJob } from './analysis-jobs.js';
import type { AnalysisWorkerData, FromWorker, ToWorker } from './analysis-thread.js';

const port = parentPort;
if (!port) throw new Error('analysis.worker runs only as a worker thread');

const { database, schema } = workerData as AnalysisWorkerData;
const store = await openStore(database, schema === undefined ? {} : { schema });
// The main thread's feed polls for other instances' writes and forwards every signal here.
const changes = new ChangeFeed({ poll: false });
const views = analysisViews({ store, changes });

/** A failure as the main thread rethrows it: an AppError keeps its code, anything else is ours. */
const failure = (error: unknown): Extract<FromWorker, { type: 'failed' }>['error'] =>
  error instanceof AppError
    ? { code: error.code, message: error.message, details: error.details }
    : { code: 'internal', message: 'The analysis failed.', details: [] };

port.on('message', (message: ToWorker) => {
  if (message.type === 'changed') changes.publish();
  else if (message.type === 'close') {
    changes.close();
    void store.close().finally(() => port.close());
  } else {
    prepareJob(message.job, views)
      .then((work) => work())
      .then(
        (result) => port.postMessage({ type: 'done', id: message.id, result } satisfies FromWorker),
        (error: unknown) =>
          port.postMessage({
            type: 'failed',
            id: message.id,
            error: failure(error),
          } satisfies FromWorker),
      );
  }
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
// Built now, the first job does not wait for them; one that fails is built again by that job.
Promise.all([views.library.get(), views.titles.get()]).catch(() => undefined);
