// Form components show an answer back without the control characters a refused answer may hold.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { DateInput, Textarea, TextInput } from './form.tsx'

describe('answers shown back', () => {
	test('never carry a NUL or another control character into the page', () => {
		const html = renderToStaticMarkup(
			<>
				<TextInput name="email" label="Email address" defaultValue={'jo\u0000e@exam\u001bple.com'} />
				<Textarea name="notes" label="Notes" defaultValue={'Line one\u0000\nLine two\u0008'} />
				<DateInput name="paidOn" legend="Date" defaultValue={{ day: '1\u0000', month: '2', year: '2026' }} />
			</>
		)
		// eslint-disable-next-line no-control-regex -- the test is that no control character reaches the page
		expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/)
		expect(html).toContain('value="joe@example.com"')
		expect(html).toContain('Line one\nLine two</textarea>')
		expect(html).toContain('value="1"')
	})
})
