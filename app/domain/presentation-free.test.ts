import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

// The domain returns plain values: words, numbers, dates. How they look (GOV.UK class names, tag
// colours, markup) is app/components' (ADR 024), so a rule here never needs a designer's change.

test('no module of app/domain names a GOV.UK class or writes markup', () => {
	const dir = import.meta.dirname
	const offenders = fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
		.flatMap((name) =>
			fs
				.readFileSync(path.join(dir, name), 'utf8')
				.split('\n')
				.flatMap((line, index) =>
					/govuk-|className|<\/?(a|b|br|div|em|li|p|span|strong|ul)[\s>/]/.test(line.replace(/\/\/.*$/, ''))
						? [`${name}:${index + 1}: ${line.trim()}`]
						: []
				)
		)
	expect(offenders).toEqual([])
})
