// The shared pagination: which pages it offers, and the ellipsis it prints (issue 15, defect 4).
import { renderToString } from 'react-dom/server'
import { StaticRouter } from 'react-router-dom/server.js'
import { describe, expect, test } from 'vitest'
import { pageItems, Pagination } from './pagination.tsx'

describe('the pages offered', () => {
	test('never an ellipsis for a single page: 1 2 3 4, not 1 2 ⋯ 4', () => {
		expect(pageItems(1, 4)).toEqual([1, 2, 3, 4])
		expect(pageItems(4, 4)).toEqual([1, 2, 3, 4])
		expect(pageItems(1, 3)).toEqual([1, 2, 3])
	})

	test('an ellipsis for two or more pages left out, either side of this page', () => {
		expect(pageItems(1, 5)).toEqual([1, 2, null, 5])
		expect(pageItems(5, 10)).toEqual([1, null, 4, 5, 6, null, 10])
		expect(pageItems(4, 10)).toEqual([1, 2, 3, 4, 5, null, 10])
		expect(pageItems(7, 10)).toEqual([1, null, 6, 7, 8, 9, 10])
		expect(pageItems(47, 47)).toEqual([1, null, 46, 47])
	})
})

test('prints a real ellipsis character, never an entity’s name', () => {
	const html = renderToString(
		<StaticRouter location="/">
			<Pagination page={1} pages={9} search="?stage=panel" />
		</StaticRouter>
	)
	expect(html).not.toContain('ctdot')
	expect(html).toContain('govuk-pagination__item--ellipses">⋯</li>')
	expect(html).toContain('href="/?stage=panel&amp;page=2"')
})
