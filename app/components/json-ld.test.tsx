import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { JsonLd, serializeJsonLd } from './json-ld.tsx'

describe('JsonLd', () => {
	test('text that looks like a closing script tag cannot end the data block', () => {
		const data = { '@type': 'Organization', name: '</script><script>alert("owned")</script>' }
		const html = renderToStaticMarkup(<JsonLd data={data} />)

		expect(html.startsWith('<script type="application/ld+json">')).toBe(true)
		// Only our own closing tag, at the very end.
		expect(html.match(/<\/script/gi)).toHaveLength(1)
		expect(html.endsWith('</script>')).toBe(true)
		expect(html).toContain('\\u003c/script\\u003e')
	})

	test('the escaped JSON parses back to exactly the original data', () => {
		const data = { name: 'Fish & Chips <Fostering> Team', note: 'line\u2028separator', list: [1, 'two'] }
		const json = serializeJsonLd(data)

		expect(json).not.toMatch(/[<>&\u2028\u2029]/)
		expect(JSON.parse(json)).toEqual(data)
	})
})
