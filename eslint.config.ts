import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import i18next from 'eslint-plugin-i18next';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'e2e/artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // Every word the interface shows comes from client/src/i18n/locales (six languages): JSX text,
    // string literals inside JSX, and the attributes people read (tooltips, placeholders, labels).
    files: ['client/src/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['title', 'placeholder', 'aria-label', 'aria-description', 'alt', 'label'] },
          // Calls whose string arguments are codes, keys or selectors, not words.
          callees: { exclude: ['i18n(ext)?', 't', 'require', 'addEventListener', 'removeEventListener', 'getElementById', 'includes', 'startsWith', 'endsWith', 'querySelector(All)?', 'closest', 'matches', 'setAttribute', 'getAttribute', 'navigate', 'run', 'act', 'button', 'tDoc'] },
          // Not words: numbers, punctuation and symbols (×, ↑, 🎙, "[ ]"), constants, the type-size glyphs and the px unit.
          words: { exclude: [/^[\p{P}\p{S}\p{N}\s]+$/u, '[A-Z_-]+', 'A[−+]', 'px'] },
        },
      ],
    },
  },
);
