import { dirname, relative, resolve, sep } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * A folder per capability, its index.ts the only public face; dependencies point one way:
 *   domain ← store / matching / guides / lint ← analysis (uses matching) ← importers (uses lint)
 *     ← services ← web ← http (mounts the site) ← cli (serves http)
 * Each folder names the folders it may import (through their faces); the front doors never
 * reach the store. importers/* are capabilities of their own, each with its own face.
 */
const mayImport = {
  domain: [],
  store: ['domain'],
  matching: ['domain'],
  guides: ['domain'],
  lint: ['domain'],
  analysis: ['domain', 'matching'],
  importers: ['domain', 'lint', 'importers'],
  config: ['domain'],
  services: ['domain', 'store', 'matching', 'guides', 'lint', 'analysis', 'importers'],
  web: ['domain', 'guides', 'services'],
  http: ['domain', 'guides', 'analysis', 'services', 'web', 'config'],
  cli: ['domain', 'guides', 'analysis', 'lint', 'importers', 'services', 'http', 'config'],
};

const srcDir = resolve(import.meta.dirname, 'src');

/** The capability a path under src/ belongs to, and the one file that is its face. */
const capabilityOf = (file) => {
  const parts = relative(srcDir, file).split(sep);
  if (parts.length === 1)
    return {
      name: parts[0].replace(/\.[jt]s$/, ''),
      top: parts[0].replace(/\.[jt]s$/, ''),
      face: parts[0].replace(/\.ts$/, '.js'),
    };
  if (parts[0] === 'importers' && parts.length > 2) {
    return {
      name: `importers/${parts[1]}`,
      top: 'importers',
      face: `importers/${parts[1]}/index.js`,
    };
  }
  return { name: parts[0], top: parts[0], face: `${parts[0]}/index.js` };
};

const facesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Import another folder only through its index.ts, and only downhill.' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    if (relative(srcDir, file).startsWith('..')) return {};
    const from = capabilityOf(file);
    const check = (node) => {
      const spec = node?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = resolve(dirname(file), spec);
      const rel = relative(srcDir, target);
      if (rel.startsWith('..')) return; // tests' fixtures and benches live outside src
      const to = capabilityOf(target);
      if (to.name === from.name) return;
      // A test may borrow another folder's fixtures; they are not part of any face.
      if (file.endsWith('.test.ts') && target.endsWith('.fixture.js')) return;
      if (!(mayImport[from.top] ?? []).includes(to.top)) {
        context.report({
          node,
          message: `${from.top} may not depend on ${to.top}: dependencies point domain ← store, matching, guides, lint, analysis ← importers ← services ← web ← http ← cli.`,
        });
      } else if (rel.split(sep).join('/') !== to.face) {
        context.report({
          node,
          message: `Import ${to.name} through its face, ${to.face}, not its insides.`,
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'bench/.cache/**',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*'], message: 'domain imports nothing of ours.' }] },
      ],
    },
  },
  {
    // A versioned write (authorised, compare-and-set, recorded, announced) has one way in.
    files: ['src/**'],
    ignores: ['src/store/**', 'src/services/versioned-write/**', 'src/services/*.adapter.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/index.js', '**/store'],
              importNames: [
                'insertRole',
                'saveRole',
                'deleteRole',
                'insertTerm',
                'saveTerm',
                'deleteTerm',
                'addRevision',
              ],
              message: 'Write roles and terms through services/versioned-write.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { rolebook: { rules: { faces: facesRule } } },
    rules: { 'rolebook/faces': 'error' },
  },
);
