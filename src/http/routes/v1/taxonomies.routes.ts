import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { RoleNameNumberSchema, TaxonomyInputSchema } from '../../../domain/index.js';
import { listTaxonomies, type ServiceContext } from '../../../services/index.js';

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
          200: Type.Array(
            Type.Object({
              ...TaxonomyInputSchema.properties,
              // Always said of a stored taxonomy, though an import may leave it to its default.
              roleNameNumber: RoleNameNumberSchema,
              roleCount: Type.Integer(),
              createdAt: Type.String(),
              updatedAt: Type.String(),
            }),
          ),
        },
      },
    },
    () => listTaxonomies(ctx),
  );
  done();
};
