import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../domain/index.js';
import { problemResponses } from '../schemas/common.schema.js';
import { checkReadiness, type ServiceContext } from '../../services/index.js';

export const healthRoutes: FastifyPluginCallbackTypebox<{ ctx: ServiceContext }> = (
  app,
  { ctx },
  done,
) => {
  const Status = Type.Object({ status: Type.String() });
  app.get(
    '/healthz',
    { schema: { tags: ['operations'], summary: 'The process is up', response: { 200: Status } } },
    () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The process can serve: its database answers',
        response: { 200: Status, ...problemResponses(503) },
      },
    },
    async () => {
      if (!(await checkReadiness(ctx)))
        throw new AppError('unavailable', 'The database does not answer.');
      return { status: 'ready' };
    },
  );
  done();
};
