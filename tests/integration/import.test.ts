import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { createHousehold, runRoute, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'

// Importing an existing pipeline from CSV, against a real SQLite file: the preview's row errors,
// nothing written until every row is right, the whole file in one transaction, every imported
// household's history replaying as the stage machine would have recorded it, and the import
// worker's leases: an import cut off part-way is taken over and imported once, and one cut off on
// every attempt is given up (ADR 024).

const { prisma } = await import('~/utils/db.server.ts')
const { findStageDisagreements } = await import('~/models/households.server.ts')
const { findFunnelFactDisagreements } = await import('~/models/funnel-facts.server.ts')
const imports = await import('~/models/imports.server.ts')
const jobs = await import('~/models/import-jobs.server.ts')
const { startImportWorker } = await import('~/integrations/import-worker.server.ts')
const { IMPORT_LEASE_MS, IMPORT_MESSAGES, IMPORT_RETRY } = await import('~/domain/import-jobs.ts')
const upload = await import('~/routes/staff+/_pipeline+/import._index.tsx')
const jobPage = await import('~/routes/staff+/_pipeline+/import.$id.tsx')
const template = await import('~/routes/staff+/_pipeline+/import.template[.]csv.ts')

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures')
const VALID = fs.readFileSync(path.join(FIXTURES, 'pipeline-import.csv'), 'utf8')
const WITH_ERRORS = fs.readFileSync(path.join(FIXTURES, 'pipeline-import-errors.csv'), 'utf8')

const quiet = { warn() {}, error() {} }
// This process's worker, as a server runs one: confirming an import wakes it. It does not poll, so
// the tests that play a worker that stopped answering decide when it looks.
const worker = startImportWorker({ pollMs: 3_600_000, logger: quiet })
afterAll(() => worker.stop())

/** A multipart upload of `content` as the file `filename`, as the browser sends the form. */
function uploadRequest(as: SignedIn, filename: string, content: string, csrf = as.csrf) {
	const form = new FormData()
	form.append('csrf', csrf)
	form.append('file', new File([content], filename, { type: 'text/csv' }))
	return new Request('http://localhost/staff/import', { method: 'POST', headers: { Cookie: as.cookie }, body: form })
}

async function uploadFile(as: SignedIn, filename: string, content: string) {
	const answer = await runRoute(upload.action, uploadRequest(as, filename, content))
	expect(answer.status).toBe(303)
	const id = answer.location!.replace('/staff/import/', '')
	return id
}

async function viewJob(as: SignedIn, id: string, query = '') {
	return runRoute(jobPage.loader, staffRequest(`/staff/import/${id}${query}`, as), { id })
}

async function confirm(as: SignedIn, id: string) {
	return runRoute(jobPage.action, staffRequest(`/staff/import/${id}`, as, {}), { id })
}

/** Waits for the background import to finish, as the progress page does. */
async function finished(id: string) {
	for (let attempt = 0; attempt < 200; attempt++) {
		const job = await prisma.importJob.findUniqueOrThrow({ where: { id } })
		if (job.status !== 'importing') return job
		await new Promise((resolve) => setTimeout(resolve, 25))
	}
	throw new Error('The import did not finish')
}

/** Makes the fixture's emails unique to one test, so the tests do not see each other's households. */
function uniqueEmails(csv: string, tag: string) {
	return csv.replace(/@example\.com/g, `.${tag}@example.com`)
}

describe('who can import', () => {
	test('only managers: an officer is refused the upload page, the upload, the template and a job', async () => {
		const officer = await signedInAs('officer')
		expect((await runRoute(upload.loader, staffRequest('/staff/import', officer))).status).toBe(403)
		expect((await runRoute(upload.action, uploadRequest(officer, 'a.csv', VALID))).status).toBe(403)
		expect((await runRoute(template.loader, staffRequest('/staff/import/template.csv', officer))).status).toBe(403)
		const manager = await signedInAs('manager')
		const id = await uploadFile(manager, 'pipeline.csv', uniqueEmails(VALID, 'roles'))
		expect((await viewJob(officer, id)).status).toBe(403)
		expect((await confirm(officer, id)).status).toBe(403)
		expect(await prisma.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'checked' })
	})

	test('signed out, the upload page sends you to sign in', async () => {
		const answer = await runRoute(upload.loader, staffRequest('/staff/import', null))
		expect(answer.status).toBe(302)
		expect(answer.location).toBe('/staff/login?redirectTo=%2Fstaff%2Fimport')
	})

	test('an upload or a confirmation without the form’s CSRF token is refused and nothing is kept', async () => {
		const manager = await signedInAs('manager')
		const before = await prisma.importJob.count()
		expect((await runRoute(upload.action, uploadRequest(manager, 'a.csv', VALID, 'forged'))).status).toBe(403)
		expect(await prisma.importJob.count()).toBe(before)

		const id = await uploadFile(manager, 'pipeline.csv', uniqueEmails(VALID, 'csrf'))
		const forged = new Request(`http://localhost/staff/import/${id}`, {
			method: 'POST',
			headers: { Cookie: manager.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'csrf=forged',
		})
		expect((await runRoute(jobPage.action, forged, { id })).status).toBe(403)
		expect(await prisma.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'checked' })
	})
})

describe('uploading', () => {
	test('the template downloads as CSV with every column', async () => {
		const manager = await signedInAs('manager')
		const answer = await runRoute(template.loader, staffRequest('/staff/import/template.csv', manager))
		expect(answer.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
		expect(answer.headers.get('Content-Disposition')).toContain('attachment')
		// (Response.text() drops the byte order mark that tells Excel the file is UTF-8.)
		expect(answer.data.split('\r\n')[0]).toBe(
			'Reference,First name,Last name,Email,Phone,Postcode,Enquiry date,Channel,How heard,Stage,Stage date,Status,Exit reason,Exit date,Hold review date,Owner email,Kinship,Notes'
		)
	})

	test('no file, a file that is not a CSV, an empty file and one too big are refused with GOV.UK messages', async () => {
		const manager = await signedInAs('manager')
		const noFile = new FormData()
		noFile.append('csrf', manager.csrf)
		const noFileAnswer = await runRoute(
			upload.action,
			new Request('http://localhost/staff/import', {
				method: 'POST',
				headers: { Cookie: manager.cookie },
				body: noFile,
			})
		)
		expect(noFileAnswer).toMatchObject({ status: 400, data: { error: 'Select a CSV file' } })
		expect(await runRoute(upload.action, uploadRequest(manager, 'pipeline.xlsx', VALID))).toMatchObject({
			status: 400,
			data: { error: 'The selected file must be a CSV' },
		})
		expect(await runRoute(upload.action, uploadRequest(manager, 'pipeline.csv', ''))).toMatchObject({
			status: 400,
			data: { error: 'The selected file is empty' },
		})
		const big = 'x'.repeat(5 * 1024 * 1024 + 1)
		expect(await runRoute(upload.action, uploadRequest(manager, 'pipeline.csv', big))).toMatchObject({
			status: 400,
			data: { error: 'The selected file must be smaller than 5MB' },
		})
	})
})

describe('a file with errors', () => {
	test('shows every error by row and column, and importing it writes nothing', async () => {
		const manager = await signedInAs('manager')
		const households = await prisma.household.count()
		const id = await uploadFile(manager, 'errors.csv', WITH_ERRORS)
		const page = await viewJob(manager, id)
		expect(page.data.job).toMatchObject({ status: 'checked', totalRows: 3, rowsWithErrors: 2, errorCount: 5 })
		expect(page.data.job.headline).toBe('2 rows have errors: nothing has been imported')
		expect(page.data.job.errors).toEqual([
			{ row: 3, column: 'Postcode', message: 'Enter a full UK postcode, like NE1 4ST' },
			{ row: 3, column: 'Enquiry date', message: 'Enquiry date must be a real date, like 27/03/2026 or 2026-03-27' },
			{ row: 3, column: 'Stage date', message: 'Enter the stage date: the date they reached Initial visit' },
			{ row: 4, column: 'Exit reason', message: 'Enter the exit reason for a closed household' },
			{ row: 4, column: 'Exit date', message: 'Enter the exit date for a closed household' },
		])
		// The rows that are right are still shown as they would be imported.
		expect(page.data.preview.map((row: { name: string }) => row.name)).toEqual(['Priya Shah'])

		expect((await confirm(manager, id)).status).toBe(303)
		expect(await prisma.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'checked' })
		expect(await prisma.household.count()).toBe(households)
	})

	test('a file without the required columns is refused as a whole', async () => {
		const manager = await signedInAs('manager')
		const id = await uploadFile(manager, 'names.csv', 'First name,Last name\nPriya,Shah\n')
		const page = await viewJob(manager, id)
		expect(page.data.job.rowsWithErrors).toBeNull()
		expect(page.data.job.headline).toBe(
			'The file has no “Email” column: the first row must name the columns, as in the template'
		)
	})
})

describe('a valid file', () => {
	test('imports every row at once: households, people, enquiries, histories, owners, notes and audit', async () => {
		const manager = await signedInAs('manager', 'Mina Manager')
		const officer = await signedInAs('officer')
		const csv = uniqueEmails(VALID, 'valid').replace(',,yes,Grandmother', `,${officer.staff.email},yes,Grandmother`)
		const id = await uploadFile(manager, 'pipeline-import.csv', csv)

		const preview = await viewJob(manager, id)
		expect(preview.data.job).toMatchObject({ status: 'checked', totalRows: 6, rowsWithErrors: 0, errorCount: 0 })
		expect(preview.data.preview[2]).toMatchObject({
			row: 4,
			name: 'Siobhán Ó Dálaigh',
			postcode: 'NE3 2CD',
			stage: 'Stage 2',
			stageEnteredOn: '1 June 2025',
			status: 'Open',
		})

		const started = await confirm(manager, id)
		expect(started).toMatchObject({ status: 303, location: `/staff/import/${id}` })
		expect(await finished(id)).toMatchObject({ status: 'imported', importedRows: 6, processedRows: 6 })

		const enquiries = await prisma.enquiry.findMany({
			where: { submissionKey: { startsWith: `import:${id}:` } },
			include: { household: { include: { applicants: true, stageEvents: true, notes: true, ownerChanges: true } } },
			orderBy: { submissionKey: 'asc' },
		})
		expect(enquiries).toHaveLength(6)
		const byName = new Map(enquiries.map((enquiry) => [enquiry.firstName, enquiry]))

		const tom = byName.get('Tom')!
		expect(tom).toMatchObject({
			source: 'import',
			consentWording: 'Imported from the service’s records',
			postcode: 'NE2 1AB',
		})
		expect(tom.household).toMatchObject({
			stage: 'initial_visit',
			status: 'open',
			stageEnteredOn: '2025-02-20',
			displayName: 'Tom Reed',
			channelId: 'channel_radio',
		})
		expect(tom.household.searchText).toContain('n-102')
		expect(tom.household.notes[0]!.body).toBe(
			'Reference in the service’s previous records: N-102\n\nPrefers calls after 6pm, not weekends'
		)
		expect(tom.household.stageEvents).toHaveLength(3)
		for (const event of tom.household.stageEvents) {
			expect(event).toMatchObject({ actorId: manager.staff.id, backdateReason: 'Imported from pipeline-import.csv' })
		}

		expect(byName.get('Ade')!.household).toMatchObject({ status: 'on_hold', stage: 'application' })
		const grace = byName.get('Grace')!.household
		expect(grace).toMatchObject({ status: 'closed', stage: 'initial_contact' })
		expect(grace.stageEvents.find((event) => event.kind === 'exit')).toMatchObject({
			exitReasonId: 'exit_timing',
			businessDate: '2025-02-10',
		})
		const nan = byName.get('Nan')!.household
		expect(nan).toMatchObject({ route: 'kinship', ownerId: officer.staff.id })
		expect(nan.ownerChanges).toMatchObject([
			{ fromOwnerId: null, toOwnerId: officer.staff.id, actorId: manager.staff.id },
		])

		// Every imported household replays to the state its row keeps.
		expect(await findStageDisagreements()).toEqual([])
		// ...and has the funnel row its history gives, written in the same pass.
		expect(await findFunnelFactDisagreements()).toEqual([])
		expect(await prisma.funnelFact.findUniqueOrThrow({ where: { householdId: grace.id } })).toMatchObject({
			status: 'closed',
			exitReasonKey: 'timing',
			exitedOn: '2025-02-10',
		})

		const audit = await prisma.auditEntry.findMany({ where: { actorId: manager.staff.id, action: 'imported' } })
		expect(audit).toHaveLength(6)
		expect(audit.map((entry) => entry.detail).sort()[0]).toBe('Imported from pipeline-import.csv (row 2)')
		// No email to households that never asked for one today.
		expect(
			await prisma.outboxMessage.count({ where: { householdId: { in: enquiries.map((e) => e.householdId) } } })
		).toBe(0)

		const result = await viewJob(manager, id)
		expect(result.data.byStage).toEqual([
			{ stage: 'enquiry', name: 'Enquiry', open: 2, onHold: 0, closed: 0 },
			{ stage: 'initial_contact', name: 'Initial contact', open: 0, onHold: 0, closed: 1 },
			{ stage: 'initial_visit', name: 'Initial visit', open: 1, onHold: 0, closed: 0 },
			{ stage: 'application', name: 'Application', open: 0, onHold: 1, closed: 0 },
			{ stage: 'stage_2', name: 'Stage 2', open: 1, onHold: 0, closed: 0 },
		])
	})

	test('a row with a known phone, or a known last name and postcode, is imported with a possible match; the known household is untouched', async () => {
		const manager = await signedInAs('manager')
		const byPhone = await createHousehold({ phone: '07700 900654', lastName: 'Phoneknown' })
		const byName = await createHousehold({ lastName: 'Postcodeknown', postcode: 'M1 1AE' })
		const before = await prisma.household.findMany({
			where: { id: { in: [byPhone.id, byName.id] } },
			include: { stageEvents: true },
		})
		const csv = [
			'Reference,First name,Last name,Email,Phone,Postcode,Enquiry date,Channel,How heard,Stage,Stage date,Status,Exit reason,Exit date,Hold review date,Owner email,Kinship,Notes',
			'M-1,Ann,Other,ann.other.match@example.com,+44 7700 900654,NE9 9ZZ,2025-01-14,radio,,Enquiry,,open,,,,,no,',
			'M-2,Bo,POSTCODEKNOWN,bo.match@example.com,01632 960777,m11ae,2025-01-15,radio,,Enquiry,,open,,,,,no,',
		].join('\n')
		const id = await uploadFile(manager, 'matches.csv', csv)
		await confirm(manager, id)
		expect(await finished(id)).toMatchObject({ status: 'imported', importedRows: 2 })
		const imported = await prisma.household.findMany({
			where: { applicants: { some: { email: { in: ['ann.other.match@example.com', 'bo.match@example.com'] } } } },
			include: { applicants: true },
		})
		const matches = await prisma.possibleMatch.findMany({
			where: { newHouseholdId: { in: imported.map((household) => household.id) } },
		})
		expect(matches.map((match) => [match.existingHouseholdId, match.matchedOn, match.status]).sort()).toEqual(
			[
				[byPhone.id, '["phone"]', 'open'],
				[byName.id, '["name_postcode"]', 'open'],
			].sort()
		)
		expect(
			await prisma.household.findMany({
				where: { id: { in: [byPhone.id, byName.id] } },
				include: { stageEvents: true },
			})
		).toEqual(before)
		expect(await findStageDisagreements()).toEqual([])
	})

	test('confirming twice imports once', async () => {
		const manager = await signedInAs('manager')
		const id = await uploadFile(manager, 'pipeline.csv', uniqueEmails(VALID, 'twice'))
		await Promise.all([confirm(manager, id), confirm(manager, id)])
		await finished(id)
		await confirm(manager, id)
		await finished(id)
		expect(await prisma.enquiry.count({ where: { submissionKey: { startsWith: `import:${id}:` } } })).toBe(6)
		expect(await prisma.applicant.count({ where: { email: { endsWith: '.twice@example.com' } } })).toBe(6)
	})

	test('an email added to the pipeline between the preview and the import stops the whole import', async () => {
		const manager = await signedInAs('manager')
		const id = await uploadFile(manager, 'pipeline.csv', uniqueEmails(VALID, 'between'))
		const households = await prisma.household.count()
		const sneaked = await createHousehold({ email: 'grace.lee.between@example.com' })

		await confirm(manager, id)
		expect(await finished(id)).toMatchObject({ status: 'failed' })
		expect(await prisma.household.count()).toBe(households + 1)
		const page = await viewJob(manager, id)
		expect(page.data.job.errors).toEqual([
			{
				row: 6,
				column: 'Email',
				message: `A household with this email address is already in the pipeline (${sneaked.reference})`,
			},
		])
		expect(page.data.job.headline).toBe('1 row has errors: nothing has been imported')
	})

	test('an import cut off part-way (its server stopped) is taken over once its lease runs out, and imported once', async () => {
		const manager = await signedInAs('manager')
		const id = await uploadFile(manager, 'pipeline.csv', uniqueEmails(VALID, 'taken-over'))
		const households = await prisma.household.count()
		// Confirmed, then claimed by a worker that checked a few rows and stopped answering.
		expect(await jobs.startImport(id, 'pipeline')).toBe(true)
		const [cutOff] = await jobs.claimImportJobs({ now: new Date(), leaseMs: IMPORT_LEASE_MS, limit: 1 })
		expect(cutOff).toMatchObject({ id, attempt: 1 })
		expect(await jobs.reportImportProgress(cutOff!, 3, new Date(Date.now() + IMPORT_LEASE_MS))).toBe(true)

		// While its lease lasts, no other worker touches it; the page shows how far it got.
		await worker.drain()
		expect(await prisma.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({
			status: 'importing',
			attempts: 1,
			processedRows: 3,
		})
		expect((await viewJob(manager, id)).data.job.progress).toEqual({ phase: 'checking', processed: 3, total: 6 })

		// A minute later the lease has run out: another server's worker takes the job over.
		const later = () => new Date(Date.now() + IMPORT_LEASE_MS + 1_000)
		const other = startImportWorker({ pollMs: 3_600_000, now: later, logger: quiet })
		await other.drain()
		await other.stop()
		expect(await prisma.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({
			status: 'imported',
			importedRows: 6,
			attempts: 2,
		})
		expect(await prisma.household.count()).toBe(households + 6)

		// Had the first run carried on after all, it would find the job no longer its own and write nothing.
		const stale = await imports.runPipelineImport({
			claim: cutOff!,
			actor: manager.staff,
			progress: (processed) => jobs.reportImportProgress(cutOff!, processed, later()),
			stopping: () => false,
		})
		expect(stale).toEqual({ status: 'lost' })
		expect(await prisma.household.count()).toBe(households + 6)
		expect(await prisma.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({
			status: 'imported',
			attempts: 2,
		})
	})

	test('an import cut off on every attempt is given up (dead-lettered) with nothing imported, not tried for ever', async () => {
		const manager = await signedInAs('manager')
		const again = await uploadFile(manager, 'pipeline.csv', uniqueEmails(VALID, 'dead-letter'))
		const households = await prisma.household.count()
		// Confirmed, then claimed by worker after worker, each of which died on it before finishing.
		expect(await jobs.startImport(again, 'pipeline')).toBe(true)
		const attempts = IMPORT_RETRY.transientAttempts!
		let at = Date.now()
		for (let attempt = 1; attempt <= attempts; attempt++) {
			const [claim] = await jobs.claimImportJobs({ now: new Date(at), leaseMs: IMPORT_LEASE_MS, limit: 1 })
			expect(claim).toMatchObject({ id: again, attempt })
			at += IMPORT_LEASE_MS + 1_000
		}
		const last = startImportWorker({ pollMs: 3_600_000, now: () => new Date(at), logger: quiet })
		await last.drain()
		await last.stop()

		const job = await prisma.importJob.findUniqueOrThrow({ where: { id: again } })
		expect(job).toMatchObject({ status: 'failed', attempts: attempts + 1, importedRows: 0, lockedUntil: null })
		expect(await prisma.household.count()).toBe(households)
		const page = await viewJob(manager, again)
		expect(page.data.job.headline).toBe(IMPORT_MESSAGES.gaveUp(attempts))
		expect(page.data.job.headline).toBe(
			'The import stopped 3 times before it could finish, so nothing was imported. Upload the file again, or ask for help if this happens again.'
		)
		// Given up is final: no worker claims it again.
		expect(await jobs.claimImportJobs({ now: new Date(at + 3_600_000), leaseMs: IMPORT_LEASE_MS, limit: 1 })).toEqual(
			[]
		)
	})

	test('a failure in the middle of writing leaves nothing behind', async () => {
		const manager = await signedInAs('manager')
		const id = await uploadFile(manager, 'pipeline.csv', uniqueEmails(VALID, 'midway'))
		const counts = async () => ({
			households: await prisma.household.count(),
			applicants: await prisma.applicant.count(),
			events: await prisma.stageEvent.count(),
			audit: await prisma.auditEntry.count(),
		})
		// An enquiry that takes the submission key of the file's fifth row: the households and
		// applicants are written before the enquiries, so the clash comes midway through.
		const other = await createHousehold()
		await prisma.enquiry.update({
			where: { id: (await prisma.enquiry.findFirstOrThrow({ where: { householdId: other.id } })).id },
			data: { submissionKey: `import:${id}:6` },
		})
		const before = await counts()

		await confirm(manager, id)
		expect(await finished(id)).toMatchObject({ status: 'failed', importedRows: 0 })
		expect(await counts()).toEqual(before)
		const page = await viewJob(manager, id)
		expect(page.data.job.headline).toBe(
			'The import could not be finished, so nothing was imported. Someone may have added one of these households while it ran: upload the file again to check it.'
		)
	})
})
