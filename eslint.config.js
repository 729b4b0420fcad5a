// ESLint for the whole repo (ADR 022): the usual checks for TypeScript, React and accessibility, and
// the app's layers as import rules, so "the domain does no I/O", "components do not read the
// database" and "no import cycles" fail `npm test` instead of resting on review.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const root = import.meta.dirname
const TESTS = ['**/*.test.{ts,tsx}', 'tests/**']

// Each layer as a glob from the repo root. Every glob ends in a file pattern or `**`, so a route
// moved into a folder (app/routes/staff+/...) is still a route, and a zone's `from` list is all
// globs (no-restricted-paths refuses a mix of globs and plain paths).
const LAYER = {
	domain: 'app/domain/**',
	models: 'app/models/**',
	integrations: 'app/integrations/**',
	services: 'app/services/**',
	routes: 'app/routes/**',
	components: 'app/components/**',
	utils: 'app/utils/**',
	serverUtils: 'app/utils/**/*.server.{ts,tsx}',
	generated: 'app/generated/**',
	// The shell: the root route, the entry points and the Express server (and its setup).
	shell: 'app/{root,server,http-server,entry.*}.{ts,tsx}',
	cli: 'app/cli/**',
	emails: 'emails/**',
	prisma: 'prisma/**',
	tests: 'tests/**',
}

/** Everything app/domain may not import: it is pure TypeScript, given its data by models and routes. */
const NOT_FOR_DOMAIN = [
	LAYER.models,
	LAYER.integrations,
	LAYER.services,
	LAYER.routes,
	LAYER.components,
	LAYER.utils,
	LAYER.generated,
	LAYER.shell,
	LAYER.cli,
	LAYER.emails,
]

/** Node built-ins that reach outside the process. */
const IO_MODULES = ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'child_process', 'dgram', 'dns', 'tls']
	.concat(['worker_threads', 'cluster', 'os', 'readline', 'sqlite'])
	.flatMap((name) => [name, `node:${name}`])

/** Public pages that are mostly text: see the named exceptions to max-lines-per-function below. */
const PROSE_PAGES = ['_index', 'accessibility', 'can-i-foster', 'privacy', 'support-and-allowances']
	.concat(['what-fostering-involves'])
	.map((page) => `app/routes/_public+/${page}.tsx`)

export default tseslint.config(
	{
		ignores: ['build/', 'public/build/', 'public/assets/', 'app/generated/', 'tests/.tmp/', 'node_modules/'].concat([
			'.data/',
			'.cache/',
			'test-results/',
			'playwright-report/',
			'blob-report/',
		]),
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.{js,ts,tsx}'],
		languageOptions: {
			ecmaVersion: 2023,
			sourceType: 'module',
			globals: { ...globals.node, ...globals.browser },
		},
		linterOptions: { reportUnusedDisableDirectives: 'error' },
		plugins: { 'import-x': importX },
		settings: {
			// Without these two, import-x parses only .js dependencies and finds no cycle among .ts files.
			'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
			'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
			// `~/` is app/, as in tsconfig.json.
			'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}/tsconfig.json` })],
		},
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
			],
			// A type-only import says so: the build drops it, and the cycle rule rightly skips it.
			'@typescript-eslint/consistent-type-imports': [
				'error',
				{ fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
			],
			'import-x/no-unresolved': 'error',
			'import-x/no-self-import': 'error',
			'import-x/no-useless-path-segments': 'error',
			// Runtime imports only (a type-only cycle is checked by tests/integration/layers.test.ts). The
			// longest import chain in app/ is far shorter than 12; the depth bounds the time on a bad day.
			'import-x/no-cycle': ['error', { maxDepth: 12, ignoreExternal: true }],
		},
	},
	{
		files: ['**/*.tsx'],
		...react.configs.flat.recommended,
		plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
		settings: { react: { version: 'detect' } },
		rules: {
			...react.configs.flat.recommended.rules,
			...react.configs.flat['jsx-runtime'].rules,
			...jsxA11y.flatConfigs.recommended.rules,
			...reactHooks.configs['recommended-latest'].rules,
			// TypeScript checks props.
			'react/prop-types': 'off',
			// A table that scrolls sideways is a labelled region keyboard users can focus to scroll (WCAG 2.1.1).
			'jsx-a11y/no-noninteractive-tabindex': [
				'error',
				{ tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true },
			],
		},
	},
	// The layers (ADR 022). In each zone, files matching `target` may not import from `from`, types included.
	{
		files: ['app/**/*.{ts,tsx}', 'emails/**/*.{ts,tsx}'],
		rules: {
			'import-x/no-restricted-paths': [
				'error',
				{
					basePath: root,
					zones: [
						{
							target: 'app/domain/**/!(*.test).{ts,tsx}',
							from: [...NOT_FOR_DOMAIN, LAYER.prisma],
							message: 'app/domain is pure: a model or route passes it the data.',
						},
						{
							// Unit tests beside the domain may also use the demo data (pure) as a large example.
							target: 'app/domain/**/*.test.{ts,tsx}',
							from: NOT_FOR_DOMAIN,
							message: 'A domain unit test tests the domain alone; database tests go in tests/integration.',
						},
						{
							target: 'app/models/**',
							from: [LAYER.routes, LAYER.components, LAYER.integrations, LAYER.services, LAYER.shell],
							message: 'Models are data access: they know no pages, sessions, components or outside services.',
						},
						{
							target: 'app/integrations/**',
							from: [LAYER.routes, LAYER.components, LAYER.services, LAYER.shell],
							message: 'Integrations talk to the outside world; pages call them, not the reverse.',
						},
						{
							target: 'app/components/**',
							from: [LAYER.models, LAYER.integrations, LAYER.services, LAYER.routes, LAYER.generated, LAYER.shell],
							message: 'Components show what a route hands them; the route calls the model.',
						},
						{
							target: 'app/components/**',
							from: [LAYER.serverUtils],
							message: 'Components run in the browser too: no *.server.ts.',
						},
						{
							// Requests' services (sign-in and sessions, a route's "load it or 404") use models.
							target: 'app/services/**',
							from: [LAYER.routes, LAYER.components, LAYER.shell],
							message: 'Services serve the routes; they do not import them.',
						},
						{
							// The bottom layer: env, the database connection, the clock, form reading, small helpers.
							target: 'app/utils/**',
							from: [LAYER.models, LAYER.integrations, LAYER.services, LAYER.routes, LAYER.components, LAYER.shell],
							message: 'app/utils is the bottom layer: code that needs a model belongs in app/services.',
						},
						{
							// Templates are pure rendering: the model that queues an email gives them their data.
							target: 'emails/**/!(preview|*.test).{ts,tsx}',
							from: [...NOT_FOR_DOMAIN.filter((layer) => layer !== LAYER.emails), LAYER.prisma],
							message: 'An email template renders what it is given.',
						},
						{
							target: 'app/**',
							from: [LAYER.tests],
							message: 'Product code never imports test code.',
						},
					],
				},
			],
		},
	},
	{
		files: ['app/domain/**/*.{ts,tsx}', 'emails/**/*.{ts,tsx}'],
		ignores: [...TESTS, 'emails/preview.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ paths: IO_MODULES.map((name) => ({ name, message: 'Pure code: no file system, network or processes.' })) },
			],
		},
	},
	// No function over 80 lines in product code (issue 13); tests and generated code are exempt. The
	// functions longer today carry a TODO(issue 13) disable comment saying how to shorten them.
	{
		files: ['app/**/*.{ts,tsx}', 'emails/**/*.{ts,tsx}'],
		ignores: TESTS,
		rules: {
			'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
		},
	},
	// The named exceptions: the public pages of prose and the FAQ list, whose length is their text, not
	// logic; cut into parts they would read worse. They get a ceiling rather than no limit.
	{
		files: [...PROSE_PAGES, 'app/domain/faqs.ts'],
		rules: {
			'max-lines-per-function': ['error', { max: 180, skipBlankLines: true, skipComments: true, IIFEs: true }],
		},
	},
	prettier
)
