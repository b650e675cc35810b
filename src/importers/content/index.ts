export { readContentLibrary, type ContentLibrary, type LibraryRole, type LibraryTerm } from './content-library.js';
export { RoleFileSchema, TermFileSchema } from './content-file.schema.js';
