import { describe, expect, test } from 'vitest'
import { parseCsv } from '~/domain/csv.ts'
import { londonDate } from '~/domain/working-days.ts'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import { householdWithFact as household, runRoute, signedInAs, staffRequest } from '../support/staff.ts'

// A fostering interest ticked many times (500 copies of one checkbox value made the breakdown
// show 600 households instead of 101: issue 12, defect 7) is stored once, and the funnel's
// breakdown by interest counts each household once under each interest, even for rows stored
// with copies before this was fixed. Every figure is worked out by hand from the households here.

const { prisma } = await import('~/utils/db.server.ts')
const funnelPage = await import('~/routes/staff+/_reports+/funnel.tsx')
const funnelCsv = await import('~/routes/staff+/_reports+/funnel[.]csv.ts')
const publicEnquiry = await import('~/routes/_enquiry+/enquire.tsx')
const staffEnquiry = await import('~/routes/staff+/_pipeline+/enquiries.new.tsx')

/** The parts of a breakdown row these tests read. */
type BreakdownRow = { label: string; enquiries: number; applications: number; approvals: number }

const Q1 = 'from-day=1&from-month=1&from-year=2026&to-day=31&to-month=3&to-year=2026'
const copies = (interest: string, count: number) => Array<string>(count).fill(interest)

describe('the breakdown by fostering interest', () => {
	test('counts a household once under each interest, however many times its row holds it', async () => {
		const manager = await signedInAs('manager')
		// A: teenagers 500 times over (stored before copies were collapsed); applied and approved in the quarter.
		await household({
			enquiredOn: '2026-01-05',
			applicationOn: '2026-02-01',
			approvedOn: '2026-03-01',
			status: 'approved',
			currentStage: 'approved',
			interests: JSON.stringify(copies('teenagers', 500)),
		})
		// B: teenagers, and long-term twice; applied in April (in the cohort's figures, not the period's).
		await household({
			enquiredOn: '2026-01-10',
			applicationOn: '2026-04-10',
			currentStage: 'application',
			interests: '["teenagers","long_term","long_term"]',
		})
		// C: long-term once.
		await household({ enquiredOn: '2026-02-01', interests: '["long_term"]' })
		// D: not sure yet, twice.
		await household({ enquiredOn: '2026-03-01', interests: '["not_sure","not_sure"]' })
		// E: no interests recorded.
		await household({ enquiredOn: '2026-02-02', interests: '[]' })

		const figures = async (mode: string) => {
			const answer = await runRoute(
				funnelPage.loader,
				staffRequest(`/staff/funnel?mode=${mode}&${Q1}&by=interest`, manager)
			)
			expect(answer.status).toBe(200)
			return answer.data.funnel.breakdown.map((r: BreakdownRow) => [r.label, r.enquiries, r.applications, r.approvals])
		}
		// Cohort: enquired in the quarter, followed through. Teenagers: A and B enquired, both applied,
		// A was approved. Long-term: B and C enquired, B applied.
		expect(await figures('cohort')).toEqual([
			['Teenagers', 2, 2, 1],
			['Long-term fostering', 2, 1, 0],
			['Not sure yet', 1, 0, 0],
			['Not recorded', 1, 0, 0],
		])
		// Period: what happened in the quarter. B's application in April is not in it.
		expect(await figures('period')).toEqual([
			['Teenagers', 2, 1, 1],
			['Long-term fostering', 2, 0, 0],
			['Not sure yet', 1, 0, 0],
			['Not recorded', 1, 0, 0],
		])

		const csv = await runRoute(
			funnelCsv.loader,
			staffRequest(`/staff/funnel.csv?table=breakdown&mode=cohort&${Q1}&by=interest`, manager)
		)
		const parsed = parseCsv(csv.data)
		expect(parsed.ok && parsed.records.slice(1).map((record) => record.fields.slice(0, 4))).toEqual([
			['Teenagers', '2', '2', '1'],
			['Long-term fostering', '2', '1', '0'],
			['Not sure yet', '1', '0', '0'],
			['Not recorded', '1', '0', '0'],
		])
	})
})

describe('an enquiry with an interest ticked many times', () => {
	const storedInterests = async (email: string) => {
		const applicant = await prisma.applicant.findFirstOrThrow({
			where: { email },
			include: { household: { include: { funnelFact: true, enquiries: true } } },
		})
		const { household } = applicant
		return [household.fosteringInterests, household.enquiries[0]!.fosteringInterests, household.funnelFact!.interests]
	}

	test('from the public form is stored with it once', async () => {
		const email = `copies.${Date.now()}@example.com`
		const fields = validEnquiryFields({ email, fosteringInterests: [...copies('teenagers', 500), 'emergency'] })
		const request = new Request('http://localhost/enquire', {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(fields).toString(),
		})
		expect((await runRoute(publicEnquiry.action, request)).status).toBe(303)
		expect(await storedInterests(email)).toEqual(copies('["teenagers","emergency"]', 3))
	})

	test('taken by staff is stored with it once', async () => {
		const email = `staff.copies.${Date.now()}@example.com`
		const today = londonDate(new Date())
		const form: Record<string, string | string[]> = {}
		for (const [name, value] of validEnquiryFields({ email, fosteringInterests: copies('long_term', 500) })) {
			form[name] = name === 'fosteringInterests' ? [...[form[name] ?? []].flat(), value] : value
		}
		const answer = await runRoute(
			staffEnquiry.action,
			staffRequest('/staff/enquiries/new', await signedInAs('officer'), {
				...form,
				receivedBy: 'phone',
				'receivedOn-day': String(Number(today.slice(8, 10))),
				'receivedOn-month': String(Number(today.slice(5, 7))),
				'receivedOn-year': today.slice(0, 4),
				channel: 'radio',
			})
		)
		expect(answer.status).toBe(303)
		expect(await storedInterests(email)).toEqual(copies('["long_term"]', 3))
	})
})
