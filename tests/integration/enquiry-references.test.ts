// A new enquiry's references are drawn at random (app/domain/reference.ts); one already taken, by a
// recorded enquiry, a held-back one (whose sender was shown it) or a household, is drawn again
// before anything is written (app/models/enquiries.server.ts). The draws are stated here, so the
// clashes happen every time.
import type { ActionFunctionArgs } from '@remix-run/node'
import { afterEach, expect, test, vi } from 'vitest'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import { TRAP_FIELD } from '~/domain/spam-trap.ts'

const draws = { enquiry: [] as string[], household: [] as string[] }

vi.mock('~/domain/reference.ts', async (original) => {
	const real = await original<typeof import('~/domain/reference.ts')>()
	return {
		...real,
		newReference: (kind: 'enquiry' | 'household') => draws[kind].shift() ?? real.newReference(kind),
	}
})

process.env.ENQUIRY_RATE_LIMIT = '100'
const { action } = await import('~/routes/_enquiry+/enquire.tsx')
const { prisma } = await import('~/utils/db.server.ts')

afterEach(() => {
	draws.enquiry = []
	draws.household = []
})

let ip = 0
/** Sends the form; the reference its confirmation shows. */
async function send(fields: [string, string][]) {
	const request = new Request('http://localhost/enquire', {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString(),
	})
	const thrown = await action({
		request,
		context: { cspNonce: '', clientIp: `203.0.113.${++ip}` },
		params: {},
	} as ActionFunctionArgs).catch((error: unknown) => error)
	if (!(thrown instanceof Response)) throw new Error('no redirect')
	return new URL(thrown.headers.get('Location')!, 'http://localhost').searchParams.get('reference')!
}

test('a reference a recorded or held-back enquiry has, or a household has, is drawn again', async () => {
	draws.enquiry = ['ENQ-AAAAAA']
	draws.household = ['HH-AAAAAA']
	expect(await send(validEnquiryFields({ email: 'first@example.com', lastName: 'First' }))).toBe('ENQ-AAAAAA')
	// Held back by the spam trap: its sender was shown ENQ-BBBBBB, which a release will keep.
	draws.enquiry = ['ENQ-BBBBBB']
	expect(await send(validEnquiryFields({ email: 'held@example.com', lastName: 'Held', [TRAP_FIELD]: 'spam' }))).toBe(
		'ENQ-BBBBBB'
	)

	draws.enquiry = ['ENQ-AAAAAA', 'ENQ-BBBBBB', 'ENQ-CCCCCC']
	draws.household = ['HH-AAAAAA', 'HH-BBBBBB']
	expect(await send(validEnquiryFields({ email: 'third@example.com', lastName: 'Third' }))).toBe('ENQ-CCCCCC')
	const third = await prisma.enquiry.findUniqueOrThrow({
		where: { reference: 'ENQ-CCCCCC' },
		select: { household: { select: { reference: true } } },
	})
	expect(third.household.reference).toBe('HH-BBBBBB')
	expect(draws).toEqual({ enquiry: [], household: [] })
})
