export * from './errors.js';
export * from './limits.js';
export * from './revision.js';
export * from './role.js';
export * from './slug.js';
export * from './taxonomy.js';
export * from './term.js';
export * from './validate.js';
