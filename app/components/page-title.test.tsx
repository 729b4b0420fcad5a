// The page title component: the "Error: " prefix GOV.UK asks for, and the parts in order.
import { renderToString } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { PageTitle } from './page-title.tsx'

describe('PageTitle', () => {
	test('a staff page: its name, then the service and " staff"', () => {
		expect(renderToString(<PageTitle title="Add a user" serviceName="Northdale Fostering" area="staff" />)).toBe(
			'<title>Add a user – Northdale Fostering staff</title>'
		)
	})

	test('prefixes "Error: " only when the page shows errors', () => {
		const title = (error: boolean) =>
			renderToString(<PageTitle title="Sign in" serviceName="Northdale Fostering" area="staff" error={error} />)
		expect(title(true)).toBe('<title>Error: Sign in – Northdale Fostering staff</title>')
		expect(title(false)).toBe('<title>Sign in – Northdale Fostering staff</title>')
	})

	test('joins several parts, most specific first, and a public page has no area', () => {
		expect(
			renderToString(<PageTitle title={['Jo Bloggs', 'Users']} serviceName="Northdale Fostering" area="staff" error />)
		).toBe('<title>Error: Jo Bloggs – Users – Northdale Fostering staff</title>')
		expect(renderToString(<PageTitle title="Invite a friend" serviceName="Northdale Fostering" />)).toBe(
			'<title>Invite a friend – Northdale Fostering</title>'
		)
	})

	test('without a service name: the parts alone, or the area alone', () => {
		expect(renderToString(<PageTitle title={['Jo Bloggs', 'carer']} />)).toBe('<title>Jo Bloggs – carer</title>')
		expect(renderToString(<PageTitle title="Quarantined enquiries" area="staff" error />)).toBe(
			'<title>Error: Quarantined enquiries – staff</title>'
		)
	})

	test('escapes a name that holds markup', () => {
		expect(renderToString(<PageTitle title="<b>Jo</b> & co" serviceName="Northdale Fostering" />)).toBe(
			'<title>&lt;b&gt;Jo&lt;/b&gt; &amp; co – Northdale Fostering</title>'
		)
	})
})
