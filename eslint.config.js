// typescript-eslint (type-aware) with the Lit and web-components rules.
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'public/mockServiceWorker.js', 'src/api/wire.gen.ts', 'custom-elements.json', 'coverage/', 'examples/*/dist/', 'examples/*/public/mockServiceWorker.js'] },
  ...tseslint.configs.recommended,
  wc.configs['flat/recommended'],
  wc.configs['flat/best-practice'],
  lit.configs['flat/recommended'],
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
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
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
