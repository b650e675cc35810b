import { Type } from 'typebox';
import { RoleNameNumberSchema, TaxonomyInputSchema } from '../../domain/index.js';

export const TaxonomySchema = Type.Object({
  ...TaxonomyInputSchema.properties,
  // Always said of a stored taxonomy, though an import may leave it to its default.
  roleNameNumber: RoleNameNumberSchema,
  roleCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
