import fs from 'node:fs'
import path from 'node:path'
import { ESLint } from 'eslint'
import ts from 'typescript'
import { beforeAll, describe, expect, test } from 'vitest'

// The layers are rules that can fail (ADR 022): the repo's own ESLint configuration is run on small
// files that break a rule, and must report them; and no import cycle exists among the app's modules,
// counting the type-only imports that import-x/no-cycle leaves out.

const ROOT = path.resolve(import.meta.dirname, '..', '..')

let eslint: ESLint
beforeAll(() => {
	eslint = new ESLint({ cwd: ROOT })
})

/** The rules `code` breaks, as ESLint reports them, if it were the file at `file` (from the repo root). */
async function rulesBroken(file: string, code: string) {
	const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) })
	return result!.messages.map((message) => message.ruleId ?? message.message)
}

describe('the layer rules', () => {
	test('app/domain may not import a model', { timeout: 60_000 }, async () => {
		const code =
			"import { changeHousehold } from '~/models/households.server.ts'\nexport const change = changeHousehold\n"
		expect(await rulesBroken('app/domain/example.ts', code)).toEqual(['import-x/no-restricted-paths'])
	})

	test('app/domain may not touch the file system', { timeout: 60_000 }, async () => {
		const code = "import fs from 'node:fs'\nexport const read = fs.readFileSync\n"
		expect(await rulesBroken('app/domain/example.ts', code)).toEqual(['no-restricted-imports'])
	})

	test('a component may not import a model, even for a type', { timeout: 60_000 }, async () => {
		const code =
			"import type { Refusal } from '~/models/households.server.ts'\n" +
			'export function Example({ refusal }: { refusal: Refusal }) {\n\treturn <p>{refusal.error}</p>\n}\n'
		expect(await rulesBroken('app/components/example.tsx', code)).toEqual(['import-x/no-restricted-paths'])
	})

	test('app/utils may not import a model: that is a service', { timeout: 60_000 }, async () => {
		const code = "import { findStaffByEmail } from '~/models/staff.server.ts'\nexport const find = findStaffByEmail\n"
		expect(await rulesBroken('app/utils/example.server.ts', code)).toEqual(['import-x/no-restricted-paths'])
	})

	test('a route, flat or in a folder, may import models and components', { timeout: 60_000 }, async () => {
		const code =
			"import { prisma } from '~/utils/db.server.ts'\nimport { CsrfField } from '~/components/csrf-field.tsx'\n" +
			'export const loader = () => prisma.household.count()\n' +
			'export default function Example() {\n\treturn <CsrfField token="" />\n}\n'
		expect(await rulesBroken('app/routes/staff.example.tsx', code)).toEqual([])
		expect(await rulesBroken('app/routes/staff+/_example+/example.tsx', code)).toEqual([])
	})

	test('an import that closes a cycle is reported', { timeout: 60_000 }, async () => {
		// clock.server.ts imports env.server.ts, so env.server.ts importing it back is a cycle.
		const code = "import { now } from './clock.server.ts'\nexport const later = () => now()\n"
		expect(await rulesBroken('app/utils/env.server.ts', code)).toEqual(['import-x/no-cycle'])
	})
})

/** Each module of app/ and emails/ (not tests, not generated code) with the modules it imports. */
function importGraph(): Map<string, string[]> {
	const files = ['app', 'emails'].flatMap((dir) =>
		fs
			.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
			.filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.startsWith('generated'))
			.map((name) => path.join(ROOT, dir, name))
	)
	const known = new Set(files)
	return new Map(
		files.map((file) => {
			const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
			const targets = importedFiles.flatMap(({ fileName: spec }) => {
				const target = spec.startsWith('~/')
					? path.join(ROOT, 'app', spec.slice(2))
					: spec.startsWith('.')
						? path.resolve(path.dirname(file), spec)
						: null
				return target && known.has(target) ? [target] : []
			})
			return [file, targets]
		})
	)
}

test('no import cycle, type-only imports included', () => {
	const graph = importGraph()
	const cycles: string[] = []
	const state = new Map<string, 'open' | 'done'>()
	const trail: string[] = []
	const visit = (file: string) => {
		state.set(file, 'open')
		trail.push(file)
		for (const next of graph.get(file)!) {
			if (state.get(next) === 'open') {
				cycles.push([...trail.slice(trail.indexOf(next)), next].map((one) => path.relative(ROOT, one)).join(' -> '))
			} else if (!state.has(next)) visit(next)
		}
		trail.pop()
		state.set(file, 'done')
	}
	for (const file of graph.keys()) if (!state.has(file)) visit(file)
	expect(graph.size).toBeGreaterThan(200)
	expect(cycles).toEqual([])
})
