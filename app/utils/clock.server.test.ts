import { expect, test } from 'vitest'

// The clock starts where CLOCK_STARTS_AT says and runs on (read once, when first asked).
process.env.CLOCK_STARTS_AT = '2026-03-29T00:30:00Z'
const { now, today } = await import('./clock.server.ts')
const first = now()
// Read once: no later test file in this process should start at this instant.
delete process.env.CLOCK_STARTS_AT

test('starts at CLOCK_STARTS_AT and runs on from there, in London days', async () => {
	expect(Math.abs(first.getTime() - Date.parse('2026-03-29T00:30:00Z'))).toBeLessThan(1_000)
	await new Promise((resolve) => setTimeout(resolve, 20))
	expect(now().getTime()).toBeGreaterThan(first.getTime())
	// 00:30 UTC on the day the clocks go forward is still 29 March in London.
	expect(today()).toBe('2026-03-29')
})
