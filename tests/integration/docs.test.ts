import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'

// The documents the code leans on stay true to their form: every decision record says when it was
// taken and whether it still stands, and every docs/ path a comment, README or ADR names exists.

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const DECISIONS = path.join(ROOT, 'docs', 'decisions')

function filesUnder(dir: string, extensions: RegExp): string[] {
	return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
		const full = path.join(entry.parentPath, entry.name)
		if (!entry.isFile() || !extensions.test(entry.name) || full.includes(`${path.sep}generated${path.sep}`)) return []
		return [full]
	})
}

describe('decision records', () => {
	const records = fs.readdirSync(DECISIONS).filter((name) => name.endsWith('.md'))

	test('are numbered once each, from 001 without gaps', () => {
		const numbers = records.map((name) => Number(/^(\d{3})-/.exec(name)?.[1]))
		expect(numbers).toEqual(numbers.map((_, index) => index + 1))
	})

	test.each(records)('%s opens with its title, a Date line and a Status line', (name) => {
		const [title, blank, date, status] = fs.readFileSync(path.join(DECISIONS, name), 'utf8').split('\n')
		expect(title).toMatch(new RegExp(`^# ${name.slice(0, 3)}: \\S`))
		expect(blank).toBe('')
		expect(date).toMatch(/^Date: \d{4}-\d{2}-\d{2}$/)
		expect(status).toMatch(/^Status: (Accepted|Proposed|Superseded by ADR \d{3}|Deprecated)\b/)
	})
})

test('every docs/ document named in the code, the README or the docs exists', () => {
	const sources = [
		...filesUnder(path.join(ROOT, 'app'), /\.(ts|tsx)$/),
		...filesUnder(path.join(ROOT, 'prisma'), /\.(ts|prisma)$/),
		...filesUnder(path.join(ROOT, 'emails'), /\.(ts|tsx)$/),
		...filesUnder(path.join(ROOT, 'docs'), /\.md$/),
		path.join(ROOT, 'README.md'),
	]
	const missing = sources.flatMap((file) =>
		[...fs.readFileSync(file, 'utf8').matchAll(/\bdocs\/[\w./-]*\w\.md\b/g)]
			.map((match) => match[0])
			.filter((cited) => !fs.existsSync(path.join(ROOT, cited)))
			.map((cited) => `${path.relative(ROOT, file)} names ${cited}`)
	)
	expect(missing).toEqual([])
})
