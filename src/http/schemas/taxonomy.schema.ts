import { Type } from 'typebox';
import { RoleNameNumberSchema, TaxonomyInputSchema } from '../../domain/index.js';

export const TaxonomySchema = Type.Object({
  ...TaxonomyInputSchema.properties,
  // Always said of a stored taxonomy, though an import may leave it to its default.
  roleNameNumber: RoleNameNumberSchema,
  roleCount: Type.Integer({
    description: 'How many of its roles are published: those every reader sees listed.',
  }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
