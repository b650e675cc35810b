import { createServer } from 'node:net';
import { InvalidArgumentError, type Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { hostProblem } from '../../config.js';
import { AppError } from '../../domain/index.js';
import { startJobRunner, warmUp } from '../../services/index.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

/** A port given on the command line; anything else is a usage error (exit 2), said plainly. */
const portOption = (value: string): number => {
  const port = /^\d{1,5}$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (port >= 0 && port <= 65535) return port;
  const refusal = new InvalidArgumentError(
    `--port takes a whole number from 0 to 65535; "${value}" is not one.`,
  );
  refusal.exitCode = 2;
  throw refusal;
};

/** An address given on the command line; one that cannot be an address is a usage error. */
const hostOption = (value: string): string => {
  const problem = hostProblem(value);
  if (problem === undefined) return value;
  const refusal = new InvalidArgumentError(
    `--host takes an IP address or a host name of this machine; "${value}" is neither: ${problem}.`,
  );
  refusal.exitCode = 2;
  throw refusal;
};

/**
 * Why an address or port cannot be listened on, in words, naming the one at fault: a host that
 * does not resolve, or is not this machine's, is no fault of the port. Anything else is
 * unexpected.
 */
const LISTEN_FAULTS: Readonly<Record<string, (host: string) => string>> = {
  EADDRINUSE: () => 'the port is in use by another program',
  EACCES: () => 'the port needs privileges this user lacks',
  EADDRNOTAVAIL: (host) => `the host ${host} is not an address of this machine`,
  ENOTFOUND: (host) => `the host ${host} is not a name this machine can resolve`,
  EAI_AGAIN: (host) => `the host ${host} could not be resolved: the name service did not answer`,
};

/** Says which address or port cannot be used, and why; undefined for an unexpected error. */
const listenRefusal = (host: string, port: number, error: unknown): AppError | undefined => {
  const fault = LISTEN_FAULTS[(error as NodeJS.ErrnoException).code ?? ''];
  if (fault === undefined) return undefined;
  return new AppError('validation_failed', `Cannot serve on ${host}:${port}: ${fault(host)}.`);
};

/**
 * Refuses, before the store is opened, an address and port the server could not listen on, by
 * binding them as it will and letting go at once. Another program may take the port in
 * between (or hold it on another address `localhost` names, which the server binds too); then
 * the server's own listen refuses it in the same words, after the store was opened. That race
 * is accepted: the check spares a new database in the usual case, a port taken all along,
 * without holding a socket open across the start for the server to adopt.
 */
const checkListenable = (host: string, port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(listenRefusal(host, port, error) ?? error));
    probe.listen({ host, port }, () => probe.close(() => resolve()));
  });

/** Starts listening, or says which address and port cannot be used, and why. */
const listenOn = async (app: FastifyInstance, host: string, port: number): Promise<void> => {
  try {
    await app.listen({ port, host });
  } catch (error) {
    const refusal = listenRefusal(host, port, error);
    if (refusal === undefined) throw error;
    await app.close();
    throw refusal;
  }
};

export const registerServe = (program: Command): void => {
  program
    .command('serve')
    .description('serve the guides, the API (/v1) and the web pages')
    .option('-p, --port <port>', 'port to listen on (default 3000, or PORT)', portOption)
    .option('-H, --host <host>', 'address to bind (default 127.0.0.1, or HOST)', hostOption)
    .action(async (options: { port?: number; host?: string }) => {
      await withRolebook(
        program.opts<GlobalOptions>(),
        async (rolebook, config) => {
          // The HTTP stack is most of what the program loads; other commands start without it.
          const { buildApp, closeGracefully } = await import('../../http/index.js');
          const app = await buildApp({
            ctx: rolebook.ctx,
            logLevel: config.logLevel,
            limits: config.limits,
            trustProxy: config.trustProxy,
            corsOrigins: config.corsOrigins,
            publicUrl: config.publicUrl,
            metricsToken: config.metricsToken,
          });
          await warmUp(rolebook.ctx);
          await listenOn(app, config.host, config.port);
          const jobs = startJobRunner(rolebook.ctx, {
            limits: config.limits,
            concurrency: config.limits.jobsRunning,
            onError: (error) => app.log.error(error, 'a bulk job failed'),
          });
          await new Promise<void>((resolve) => {
            // Jobs are handed back to the queue first, so another instance resumes them at once.
            const stop = () => {
              void jobs
                .stop()
                .then(() => closeGracefully(app, config.limits.shutdownGraceMs))
                .then(resolve);
            };
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
          });
        },
        {
          overrides: {
            ...(options.port !== undefined ? { port: options.port } : {}),
            ...(options.host !== undefined ? { host: options.host } : {}),
          },
          check: (config) => checkListenable(config.host, config.port),
          analysisThread: true,
        },
      );
    });
};
