import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const frontDoors = ['**/store/**', '**/store'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'eslint.config.js'] },
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
    files: ['src/http/**', 'src/web/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: frontDoors
                .map((p) => `../${p}`)
                .concat(['../../store/*', '../../store', '../store', '../store/*']),
              message: 'Front doors go through services, never the store.',
            },
          ],
        },
      ],
    },
  },
);
