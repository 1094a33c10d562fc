// Lint rules, including the architecture's import boundaries (see README "Layout").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noTfjs = {
  patterns: [{ group: ['@tensorflow/*'], message: 'Only the worker and engine use TensorFlow.js.' }],
};
// The worker loads tfjs-core and the WebGL and CPU backends; the umbrella package would add layers,
// converter and data (about 1 MB of worker bundle) that it never uses. The bench's peer may use it.
const leanTfjs = {
  name: '@tensorflow/tfjs',
  message:
    'Import @tensorflow/tfjs-core (and a backend) instead: the umbrella bundles layers, converter and data.',
};

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // TensorFlow.js belongs to the worker's thread: everything else in src/ (page, shared vocabulary,
    // protocol, experiment, config) must not load it. tests/architecture holds the full layer table.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/**', 'src/worker/**'],
    rules: { 'no-restricted-imports': ['error', noTfjs] },
  },
  {
    files: [
      'src/ui/**',
      'src/charts/**',
      'src/client/**',
      'src/lab/**',
      'src/tune/**',
      'src/lessons/**',
      'src/equations/**',
      'src/insight/**',
      'src/main.tsx',
    ],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/worker/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [leanTfjs] }] },
  },
  {
    files: ['src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [leanTfjs],
          patterns: [
            {
              group: ['react', 'react-dom', 'recharts', '../ui/*', '../worker/*'],
              message: 'The engine stays pure.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'self', 'postMessage', 'window', 'document'],
    },
  },
);
