import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { londonDate } from '~/domain/working-days.ts'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import { runRoute, signedInAs, staffRequest } from '../support/staff.ts'

// Every path that creates a household goes through the one household writer
// (docs/decisions/023-one-household-writer.md), so a household made by any of them has what a
// household has in real use: its funnel row as the app would work it out from its history, the
// copy of its nearest deadline the board sorts by, and the audit entry of the member of staff who
// made it. The demo is loaded first: it only loads into a database without households.

const { prisma } = await import('~/utils/db.server.ts')
const { findStageDisagreements } = await import('~/models/households.server.ts')
const { findFunnelFactDisagreements } = await import('~/models/funnel-facts.server.ts')
const { refreshAllClocks } = await import('~/models/response-clocks.server.ts')
const imports = await import('~/models/imports.server.ts')
const jobs = await import('~/models/import-jobs.server.ts')
const { startImportWorker } = await import('~/integrations/import-worker.server.ts')
const { seedDemoData } = await import('../../prisma/seed.ts')
const publicEnquiry = await import('~/routes/_enquiry+/enquire.tsx')
const staffEnquiry = await import('~/routes/staff+/_pipeline+/enquiries.new.tsx')

// The import worker a server runs, here run when the test says.
const worker = startImportWorker({ pollMs: 3_600_000, logger: { warn() {}, error() {} } })
afterAll(() => worker.stop())

const IMPORT_CSV = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'pipeline-import.csv'), 'utf8')

/** A household's funnel row, deadline copy and audit entries as stored. */
function stored(householdId: string) {
	return prisma.household.findUniqueOrThrow({
		where: { id: householdId },
		select: {
			status: true,
			stage: true,
			nextClockKey: true,
			nextClockDeadline: true,
			funnelFact: { select: { status: true, currentStage: true } },
		},
	})
}
const auditOf = (householdId: string) =>
	prisma.auditEntry.findMany({ where: { householdId }, select: { actorId: true, action: true, detail: true } })

/** What the app works out from the histories agrees with every stored copy. */
async function expectEveryCopyInStep() {
	expect(await findStageDisagreements()).toEqual([])
	expect(await findFunnelFactDisagreements()).toEqual([])
	// Working the deadlines out again changes none.
	expect(await refreshAllClocks()).toBe(0)
}

describe('a household made by', () => {
	test(
		'the demo data has its funnel row, its deadline and the audit entry of its loading',
		{ timeout: 90_000 },
		async () => {
			const seeded = await seedDemoData(prisma, { today: new Date() })
			expect(seeded.seeded).toBe(true)
			await expectEveryCopyInStep()
			const households = await prisma.household.findMany({ select: { id: true, status: true, stage: true } })
			expect(await prisma.funnelFact.count()).toBe(households.length)
			const manager = await prisma.staffUser.findFirstOrThrow({ where: { email: 'helen.okafor@northdale.example' } })
			const loaded = await prisma.auditEntry.findMany({
				where: { action: 'imported', detail: 'Loaded with the demo data' },
			})
			expect(new Set(loaded.map((entry) => entry.householdId))).toEqual(
				new Set(households.map((household) => household.id))
			)
			expect(new Set(loaded.map((entry) => entry.actorId))).toEqual(new Set([manager.id]))
			// Every household still at Enquiry has its first-contact clock running.
			const waiting = households.filter((household) => household.status === 'open' && household.stage === 'enquiry')
			expect(waiting.length).toBeGreaterThan(0)
			for (const household of waiting)
				expect(await stored(household.id), household.id).toMatchObject({ nextClockKey: 'first_contact' })
		}
	)

	test('the enquiry form has its funnel row and its first-contact deadline; the public are no one to audit', async () => {
		const fields = validEnquiryFields()
		const request = new Request('http://localhost/enquire', {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(fields).toString(),
		})
		expect((await runRoute(publicEnquiry.action, request)).status).toBe(303)
		const email = fields.find(([name]) => name === 'email')![1]
		const { householdId } = await prisma.enquiry.findFirstOrThrow({ where: { email } })
		expect(await stored(householdId)).toMatchObject({
			stage: 'enquiry',
			nextClockKey: 'first_contact',
			nextClockDeadline: expect.any(String),
			funnelFact: { status: 'open', currentStage: 'enquiry' },
		})
		// The audit records what staff see and change; the enquiry itself records the enquirer's
		// consent and when it came (AuditEntry.actorId is a member of staff).
		expect(await auditOf(householdId)).toEqual([])
		await expectEveryCopyInStep()
	})

	test('a member of staff taking an enquiry by phone has its funnel row, its deadline and their audit entry', async () => {
		const officer = await signedInAs('officer', 'Ola Officer')
		const form: Record<string, string | string[]> = { receivedBy: 'phone', channel: 'radio', backdateReason: '' }
		for (const [name, value] of validEnquiryFields())
			if (name !== 'extra_comments')
				form[name] = name === 'fosteringInterests' ? [...[form[name] ?? []].flat(), value] : value
		const today = londonDate(new Date())
		Object.assign(form, {
			'receivedOn-day': String(Number(today.slice(8, 10))),
			'receivedOn-month': String(Number(today.slice(5, 7))),
			'receivedOn-year': today.slice(0, 4),
		})
		const answer = await runRoute(staffEnquiry.action, staffRequest('/staff/enquiries/new', officer, form))
		expect(answer.status).toBe(303)
		const householdId = answer.location!.replace('/staff/households/', '')
		expect(await stored(householdId)).toMatchObject({
			nextClockKey: 'first_contact',
			nextClockDeadline: expect.any(String),
			funnelFact: { status: 'open', currentStage: 'enquiry' },
		})
		expect(await auditOf(householdId)).toEqual([
			{ actorId: officer.staff.id, action: 'changed', detail: 'Added an enquiry taken by phone' },
		])
		await expectEveryCopyInStep()
	})

	test('the CSV import has, for every row, its funnel row, its deadline and the importer’s audit entry', async () => {
		const manager = await signedInAs('manager')
		const id = await imports.createPipelineImport({
			filename: 'pipeline.csv',
			text: IMPORT_CSV.replace(/@example\.com/g, '.writer@example.com'),
			actor: manager.staff,
		})
		expect(await jobs.startImport(id, 'pipeline')).toBe(true)
		await worker.drain()
		expect(await prisma.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'imported' })
		const enquiries = await prisma.enquiry.findMany({ where: { submissionKey: { startsWith: `import:${id}:` } } })
		expect(enquiries.length).toBeGreaterThan(3)
		let clocks = 0
		for (const { householdId, submissionKey } of enquiries) {
			const household = await stored(householdId)
			expect(household.funnelFact, submissionKey).not.toBeNull()
			if (household.nextClockKey) clocks++
			expect(await auditOf(householdId)).toEqual([
				{
					actorId: manager.staff.id,
					action: 'imported',
					detail: `Imported from pipeline.csv (row ${submissionKey.split(':').at(-1)})`,
				},
			])
		}
		// The rows still in the pipeline at a stage with a clock have their deadline.
		expect(clocks).toBeGreaterThan(0)
		await expectEveryCopyInStep()
	})
})
