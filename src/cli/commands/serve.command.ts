import { InvalidArgumentError, type Command } from 'commander';
import { warmUp } from '../../services/index.js';
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

export const registerServe = (program: Command): void => {
  program
    .command('serve')
    .description('serve the guides, the API (/v1) and the web pages')
    .option('-p, --port <port>', 'port to listen on (default 3000, or PORT)', portOption)
    .option('-H, --host <host>', 'address to bind (default 127.0.0.1, or HOST)')
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
          await app.listen({ port: config.port, host: config.host });
          await new Promise<void>((resolve) => {
            const stop = () => {
              void closeGracefully(app, config.limits.shutdownGraceMs).then(resolve);
            };
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
          });
        },
        {
          ...(options.port !== undefined ? { port: options.port } : {}),
          ...(options.host ? { host: options.host } : {}),
        },
      );
    });
};
