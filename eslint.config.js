// typescript-eslint (type-aware) with the Lit and web-components rules.
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'public/mockServiceWorker.js', 'src/api/wire.gen.ts', 'custom-elements.json', 'coverage/', 'examples/', '.vite/', 'test-results/'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'plugin/*.ts', 'vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  wc.configs['flat/recommended'],
  wc.configs['flat/best-practice'],
  lit.configs['flat/recommended'],
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Abort reasons (AbortSignal.reason, typed any) are rethrown as they are: they need not be Errors.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='pdfjs-dist'][importKind!='type']",
          message: 'pdf.js loads lazily: go through src/document/pdfjs.ts (import()).',
        },
        {
          // A strict CSP (style-src 'self') blocks style attributes, even the one styleMap writes first.
          selector: "TaggedTemplateExpression[tag.name='html'] TemplateElement[value.raw=/\\sstyle=/]",
          message: "No style attribute in templates (strict CSP): use styleProps() from src/internal/style-props.ts.",
        },
      ],
      // Internal parts are registered lazily by src/internal/parts.ts, so the class module has no side effects.
      'wc/define-tag-after-class-definition': 'off',
      'wc/tag-name-matches-class': 'off',
    },
  },
  {
    // Tests and the sandbox may import pdf-lib statically: they are not in the element's load path.
    files: ['test/**/*.ts', 'src/testing/**/*.ts', 'demo/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // semantic-dom-diff's `expect(el).dom.to.equal(...)` returns a promise-like chain that needs no await.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: '@open-wc/semantic-dom-diff', name: ['equal', 'eql', 'equals', 'eq', 'Equal'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
