import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listTaxonomies, type ServiceContext } from '../../../services/index.js';
import { TaxonomySchema } from '../../schemas/taxonomy.schema.js';

export const taxonomiesRoutes: FastifyPluginCallbackTypebox<{ ctx: ServiceContext }> = (
  app,
  { ctx },
  done,
) => {
  app.get(
    '/taxonomies',
    {
      schema: {
        tags: ['taxonomies'],
        summary: 'The taxonomies in the library, with their role counts',
        response: {
          200: Type.Array(TaxonomySchema),
        },
      },
    },
    () => listTaxonomies(ctx),
  );
  done();
};
