export { readContentLibrary, type ContentLibrary, type LibraryRole, type LibraryTerm } from './content-library.js';
;
