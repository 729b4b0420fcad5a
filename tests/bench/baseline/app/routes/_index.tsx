// The baseline's one page: a heading and a paragraph, no loader, no data.
import type { MetaFunction } from '@remix-run/node'

export const meta: MetaFunction = () => [{ title: 'Baseline' }]

export default function Index() {
	return (
		<main>
			<h1>Baseline</h1>
			<p>A trivial Remix page, served on the same Express setup as the service.</p>
		</main>
	)
}
