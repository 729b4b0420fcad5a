import crypto from 'node:crypto'
import { afterAll, describe, expect, test } from 'vitest'
import type { StaffRole } from '~/domain/staff.ts'
import { addCalendarDays, londonDate } from '~/domain/working-days.ts'
import { createHousehold, createStaff, runRoute, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'

// Carers in the staff area against a real SQLite file: who may see and change them, adding one,
// the list and its search, a carer's record (status, placements), the CSV import with its preview,
// and a household's referral (attach, detach, count it) from the household record.

const { prisma } = await import('~/utils/db.server.ts')
const { addCarer } = await import('~/models/carers.server.ts')
const { STALE_MESSAGE } = await import('~/models/households.server.ts')
const { startImportWorker } = await import('~/integrations/import-worker.server.ts')
// This process's import worker, as a server runs one: confirming an import wakes it.
const importWorker = startImportWorker({ pollMs: 3_600_000, logger: { warn() {}, error() {} } })
afterAll(() => importWorker.stop())
const routes = {
	list: await import('~/routes/staff+/_carers+/carers._index.tsx'),
	add: await import('~/routes/staff+/_carers+/carers.new.tsx'),
	record: await import('~/routes/staff+/_carers+/carers.$id._index.tsx'),
	placement: await import('~/routes/staff+/_carers+/carers.$id.placement.tsx'),
	import: await import('~/routes/staff+/_carers+/carers.import._index.tsx'),
	importJob: await import('~/routes/staff+/_carers+/carers.import.$jobId.tsx'),
	template: await import('~/routes/staff+/_carers+/carers.import.template[.]csv.ts'),
	household: await import('~/routes/staff+/_households+/households.$id._index.tsx'),
	attach: await import('~/routes/staff+/_households+/households.$id.referral.tsx'),
	detach: await import('~/routes/staff+/_households+/households.$id.referrals.$referralId.detach.tsx'),
	override: await import('~/routes/staff+/_households+/households.$id.referrals.$referralId.override.tsx'),
}

const today = () => londonDate(new Date())
const dateFields = (name: string, date: string) => ({
	[`${name}-day`]: String(Number(date.slice(8, 10))),
	[`${name}-month`]: String(Number(date.slice(5, 7))),
	[`${name}-year`]: date.slice(0, 4),
})
const unique = () => crypto.randomUUID().slice(0, 8)

async function newCarer(name = `Carer ${unique()}`, email = `carer.${unique()}@example.com`) {
	const actor = await createStaff('manager')
	const added = await addCarer({
		name,
		email,
		phone: null,
		kind: 'foster_carer',
		approvedOn: null,
		shortBreakOnly: false,
		actor,
	})
	if (!added.ok) throw new Error('Could not add the carer')
	return { id: added.carer.id, code: added.carer.code, name, email }
}

/** A multipart upload of `content` as the file `filename`, as the browser sends the form. */
function uploadRequest(as: SignedIn, filename: string, content: string) {
	const form = new FormData()
	form.append('csrf', as.csrf)
	form.append('file', new File([content], filename, { type: 'text/csv' }))
	return new Request('http://localhost/staff/carers/import?index', {
		method: 'POST',
		headers: { Cookie: as.cookie },
		body: form,
	})
}

const HEADER = 'name,email,phone,kind,approved_on,short_breaks_only'

describe('who may see and change carers', () => {
	test.each<StaffRole>(['read_only', 'social_worker', 'administrator'])(
		'%s staff are refused every carers page and change',
		async (role) => {
			const as = await signedInAs(role)
			const carer = await newCarer()
			const { id: householdId } = await createHousehold()
			const refused = [
				await runRoute(routes.list.loader, staffRequest('/staff/carers', as)),
				await runRoute(routes.add.loader, staffRequest('/staff/carers/new', as)),
				await runRoute(routes.add.action, staffRequest('/staff/carers/new', as, { name: 'X', email: 'x@example.com' })),
				await runRoute(routes.record.loader, staffRequest(`/staff/carers/${carer.id}`, as), { id: carer.id }),
				await runRoute(routes.record.action, staffRequest(`/staff/carers/${carer.id}`, as, { status: 'inactive' }), {
					id: carer.id,
				}),
				await runRoute(routes.placement.loader, staffRequest(`/staff/carers/${carer.id}/placement`, as), {
					id: carer.id,
				}),
				await runRoute(routes.import.loader, staffRequest('/staff/carers/import', as)),
				await runRoute(routes.import.action, uploadRequest(as, 'carers.csv', `${HEADER}\nA,a@example.com,,,,`)),
				await runRoute(routes.importJob.loader, staffRequest('/staff/carers/import/any', as), { jobId: 'any' }),
				await runRoute(routes.importJob.action, staffRequest('/staff/carers/import/any', as, {}), { jobId: 'any' }),
				await runRoute(routes.template.loader, staffRequest('/staff/carers/import/template.csv', as)),
				await runRoute(routes.attach.loader, staffRequest(`/staff/households/${householdId}/referral`, as), {
					id: householdId,
				}),
			]
			expect(refused.map((answer) => answer.status)).toEqual(refused.map(() => 403))
			expect(await prisma.carer.findUniqueOrThrow({ where: { id: carer.id } })).toMatchObject({ status: 'active' })
		}
	)

	test('signed out, the list sends you to sign in', async () => {
		const answer = await runRoute(routes.list.loader, staffRequest('/staff/carers', null))
		expect(answer.status).toBe(302)
		expect(answer.location).toBe('/staff/login?redirectTo=%2Fstaff%2Fcarers')
	})
})

describe('adding a carer', () => {
	test('an officer adds a carer, who gets a referral code; the record shows the code and link', async () => {
		const officer = await signedInAs('officer')
		const email = `Ada.${unique()}@Example.com`
		const answer = await runRoute(
			routes.add.action,
			staffRequest('/staff/carers/new', officer, {
				name: ' Ada  Lovelace ',
				email,
				phone: '07700 900 982',
				kind: 'foster_carer',
				...dateFields('approvedOn', '2021-09-14'),
				shortBreakOnly: 'yes',
			})
		)
		expect(answer.status).toBe(303)
		const carer = await prisma.carer.findUniqueOrThrow({
			where: { emailNormalized: email.toLowerCase() },
			include: { referralCodes: true },
		})
		expect(answer.location).toBe(`/staff/carers/${carer.id}?done=added`)
		expect(carer).toMatchObject({
			email,
			phone: '07700900982',
			kind: 'foster_carer',
			approvedOn: '2021-09-14',
			shortBreakOnly: true,
			status: 'active',
		})
		expect(carer.referralCodes).toHaveLength(1)

		const record = await runRoute(routes.record.loader, staffRequest(`/staff/carers/${carer.id}?done=added`, officer), {
			id: carer.id,
		})
		expect(record.data).toMatchObject({
			done: 'Carer added',
			activeCode: carer.referralCodes[0]!.code,
			link: `https://fostering.northdale.example/r/${carer.referralCodes[0]!.code}`,
		})
	})

	test('missing or wrong answers come back with GOV.UK messages in the order of the form', async () => {
		const officer = await signedInAs('officer')
		const before = await prisma.carer.count()
		const answer = await runRoute(
			routes.add.action,
			staffRequest('/staff/carers/new', officer, {
				name: '',
				email: 'nope',
				phone: '12',
				kind: 'foster_carer',
				...dateFields('approvedOn', addCalendarDays(today(), 1)),
			})
		)
		expect(answer.status).toBe(400)
		expect(answer.data.errors.map((error: { field: string }) => error.field)).toEqual([
			'name',
			'email',
			'phone',
			'approvedOn',
		])
		expect(answer.data.errors[3].message).toMatch(/^The date they were approved must be today or in the past/)
		expect(answer.data.values.email).toBe('nope')
		expect(await prisma.carer.count()).toBe(before)
	})

	test('an email address already added is refused, whatever its case', async () => {
		const carer = await newCarer()
		const answer = await runRoute(
			routes.add.action,
			staffRequest('/staff/carers/new', await signedInAs('manager'), {
				name: 'Someone else',
				email: carer.email.toUpperCase(),
				kind: 'foster_carer',
			})
		)
		expect(answer.status).toBe(409)
		expect(answer.data.errors).toEqual([
			{ field: 'email', message: 'A carer with this email address has already been added' },
		])
	})
})

describe('the list of carers', () => {
	test('searches by name, email or code, and pages through 25 at a time', async () => {
		const tag = unique()
		const carers = []
		for (let n = 0; n < 27; n++)
			carers.push(await newCarer(`Listed ${tag} ${String(n).padStart(2, '0')}`, `listed.${n}.${tag}@example.com`))
		const officer = await signedInAs('officer')
		const list = (query: string) => runRoute(routes.list.loader, staffRequest(`/staff/carers${query}`, officer))

		const first = await list(`?q=${tag}`)
		expect(first.data).toMatchObject({ total: 27, page: 1, pages: 2 })
		expect(first.data.carers).toHaveLength(25)
		expect(first.data.carers[0]).toMatchObject({
			name: `Listed ${tag} 00`,
			code: carers[0]!.code,
			kind: 'foster_carer',
			status: 'active',
			stripeConnected: false,
		})
		const second = await list(`?q=${tag}&page=2`)
		expect(second.data.carers.map((carer: { name: string }) => carer.name)).toEqual([
			`Listed ${tag} 25`,
			`Listed ${tag} 26`,
		])
		// By email, whatever its case, and by code as a carer reads it out (lower case, with a space).
		expect((await list(`?q=LISTED.3.${tag}`)).data.carers.map((carer: { id: string }) => carer.id)).toEqual([
			carers[3]!.id,
		])
		const spoken = `${carers[7]!.code.slice(0, 4)} ${carers[7]!.code.slice(4)}`.toLowerCase()
		expect((await list(`?q=${encodeURIComponent(spoken)}`)).data.carers[0].id).toBe(carers[7]!.id)
	})
})

describe('a carer’s record', () => {
	test('an officer makes a carer inactive and active again; each change is audited once', async () => {
		const carer = await newCarer()
		const officer = await signedInAs('officer')
		const post = (status: string) =>
			runRoute(routes.record.action, staffRequest(`/staff/carers/${carer.id}`, officer, { status }), {
				id: carer.id,
			})
		expect((await post('inactive')).location).toBe(`/staff/carers/${carer.id}?done=inactive`)
		expect((await post('inactive')).status).toBe(303)
		expect(await prisma.carer.findUniqueOrThrow({ where: { id: carer.id } })).toMatchObject({ status: 'inactive' })
		await post('active')
		expect(await prisma.carer.findUniqueOrThrow({ where: { id: carer.id } })).toMatchObject({ status: 'active' })
		const audit = await prisma.auditEntry.findMany({
			where: { actorId: officer.staff.id },
			orderBy: { at: 'asc' },
		})
		expect(audit.map((entry) => entry.detail)).toEqual([
			`Made ${carer.name} inactive as a referrer`,
			`Made ${carer.name} active as a referrer again`,
		])
		expect((await post('deleted')).status).toBe(400)
	})

	test('a placement is recorded with its dates and the child’s reference; wrong dates are refused', async () => {
		const carer = await newCarer()
		const officer = await signedInAs('officer')
		const post = (form: Record<string, string>) =>
			runRoute(routes.placement.action, staffRequest(`/staff/carers/${carer.id}/placement`, officer, form), {
				id: carer.id,
			})
		const refused = await post({
			...dateFields('startedOn', '2025-03-10'),
			...dateFields('endedOn', '2025-03-01'),
		})
		expect(refused.status).toBe(400)
		expect(refused.data.errors).toEqual([
			{ field: 'endedOn', message: 'The date the placement ended must be on or after the date it started' },
		])
		const saved = await post({ ...dateFields('startedOn', '2025-03-10'), childReference: 'CR-77' })
		expect(saved.location).toBe(`/staff/carers/${carer.id}?done=placement#placements`)
		const record = await runRoute(routes.record.loader, staffRequest(`/staff/carers/${carer.id}`, officer), {
			id: carer.id,
		})
		expect(record.data.placements).toEqual([
			{ id: expect.any(String), startedOn: '2025-03-10', endedOn: null, childReference: 'CR-77' },
		])
		const missing = await runRoute(routes.placement.loader, staffRequest('/staff/carers/nobody/placement', officer), {
			id: 'nobody',
		})
		expect(missing.status).toBe(404)
	})
})

describe('importing carers from a spreadsheet', () => {
	/** Uploads a file: it is checked and kept as an import job, whose page shows the preview. */
	async function upload(as: SignedIn, filename: string, content: string) {
		const answer = await runRoute(routes.import.action, uploadRequest(as, filename, content))
		expect(answer.status).toBe(303)
		const jobId = answer.location!.replace('/staff/carers/import/', '')
		return { jobId, page: await viewJob(as, jobId) }
	}
	function viewJob(as: SignedIn, jobId: string) {
		return runRoute(routes.importJob.loader, staffRequest(`/staff/carers/import/${jobId}`, as), { jobId })
	}
	/** Confirms the import and waits for the import worker to finish it, as the page does. */
	async function confirm(as: SignedIn, jobId: string) {
		const started = await runRoute(routes.importJob.action, staffRequest(`/staff/carers/import/${jobId}`, as, {}), {
			jobId,
		})
		expect(started).toMatchObject({ status: 303, location: `/staff/carers/import/${jobId}` })
		for (let attempt = 0; attempt < 200; attempt++) {
			const job = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } })
			if (job.status !== 'importing') return viewJob(as, jobId)
			await new Promise((resolve) => setTimeout(resolve, 25))
		}
		throw new Error('The import did not finish')
	}

	test('the preview shows each row’s errors and imports nothing; a clean file imports every carer with a code', async () => {
		const existing = await newCarer('Already Here')
		const tag = unique()
		const officer = await signedInAs('officer')
		const before = await prisma.carer.count()

		const withErrors = [
			HEADER,
			`Ann ${tag},ann.${tag}@example.com,,,,`,
			`Ann twice,ANN.${tag}@example.com,,,,`,
			`Old,${existing.email},,,,`,
			`,bad,,friend,,`,
		].join('\r\n')
		const checked = await upload(officer, 'carers.csv', withErrors)
		expect(checked.page.data.job).toMatchObject({
			status: 'checked',
			totalRows: 4,
			rowsWithErrors: 3,
			errorCount: 5,
			headline: '3 rows have errors: nothing has been imported',
		})
		expect(checked.page.data.preview).toMatchObject({ ready: 1 })
		expect(
			checked.page.data.job.errors.map((error: { row: number; column: string }) => [error.row, error.column])
		).toEqual([
			[3, 'email'],
			[4, 'email'],
			[5, 'name'],
			[5, 'email'],
			[5, 'kind'],
		])
		expect(checked.page.data.job.errors[1].message).toBe(
			'A carer with this email address has already been added (Already Here)'
		)
		// Confirming a file with errors starts nothing.
		await runRoute(routes.importJob.action, staffRequest(`/staff/carers/import/${checked.jobId}`, officer, {}), {
			jobId: checked.jobId,
		})
		expect(await prisma.importJob.findUniqueOrThrow({ where: { id: checked.jobId } })).toMatchObject({
			status: 'checked',
		})
		expect(await prisma.carer.count()).toBe(before)

		const clean = [
			HEADER,
			`Ann ${tag},ann.${tag}@example.com,07700 900 001,foster_carer,2020-06-01,no`,
			`Bo ${tag},bo.${tag}@example.com,,community_group,,`,
		].join('\r\n')
		const preview = await upload(officer, 'carers.csv', clean)
		expect(preview.page.data.job).toMatchObject({ status: 'checked', totalRows: 2, errorCount: 0 })
		expect(preview.page.data.preview.carers.map((carer: { name: string }) => carer.name)).toEqual([
			`Ann ${tag}`,
			`Bo ${tag}`,
		])
		const imported = await confirm(officer, preview.jobId)
		expect(imported.data.job).toMatchObject({ status: 'imported', importedRows: 2, filename: 'carers.csv' })
		const carers = await prisma.carer.findMany({
			where: { email: { contains: tag } },
			include: { referralCodes: true },
			orderBy: { name: 'asc' },
		})
		expect(
			carers.map((carer) => [carer.name, carer.kind, carer.approvedOn, carer.phone, carer.referralCodes.length])
		).toEqual([
			[`Ann ${tag}`, 'foster_carer', '2020-06-01', '07700900001', 1],
			[`Bo ${tag}`, 'community_group', null, null, 1],
		])
		expect(
			await prisma.auditEntry.findFirst({ where: { actorId: officer.staff.id, action: 'imported' } })
		).toMatchObject({ detail: 'Imported 2 carers who can refer friends from carers.csv' })
	})

	test('a carer added by hand after the preview stops the import whole, with the new error shown', async () => {
		const tag = unique()
		const officer = await signedInAs('officer')
		const clean = [HEADER, `Cy ${tag},cy.${tag}@example.com,,,,`, `Di ${tag},di.${tag}@example.com,,,,`].join('\n')
		const preview = await upload(officer, 'late.csv', clean)
		expect(preview.page.data.job).toMatchObject({ status: 'checked', errorCount: 0 })
		await newCarer(`Di by hand ${tag}`, `DI.${tag}@example.com`)
		const stopped = await confirm(officer, preview.jobId)
		expect(stopped.data.job).toMatchObject({ status: 'failed', importedRows: 0 })
		expect(stopped.data.job.errors).toEqual([
			{
				row: 3,
				column: 'email',
				message: `A carer with this email address has already been added (Di by hand ${tag})`,
			},
		])
		expect(stopped.data.job.headline).toBe('1 row has errors: nothing has been imported')
		expect(await prisma.carer.count({ where: { email: `cy.${tag}@example.com` } })).toBe(0)
	})

	test('an import belongs to its own page: a households import is not found among the carers', async () => {
		const manager = await signedInAs('manager')
		const { jobId } = await upload(manager, 'carers.csv', `${HEADER}\nEd ${unique()},ed.${unique()}@example.com,,,,`)
		const { createImportJob } = await import('~/models/import-jobs.server.ts')
		const households = await createImportJob({
			kind: 'pipeline',
			filename: 'pipeline.csv',
			csv: 'Email\n',
			actorId: manager.staff.id,
			totalRows: 0,
			errors: [],
		})
		expect((await viewJob(manager, households)).status).toBe(404)
		const pipelinePage = await import('~/routes/staff+/_pipeline+/import.$id.tsx')
		expect(
			(await runRoute(pipelinePage.loader, staffRequest(`/staff/import/${jobId}`, manager), { id: jobId })).status
		).toBe(404)
	})

	test('a file that is not a CSV, is empty or is missing is refused; the template downloads', async () => {
		const officer = await signedInAs('manager')
		const notCsv = await runRoute(routes.import.action, uploadRequest(officer, 'carers.xlsx', 'x'))
		expect(notCsv.data).toEqual({ error: 'The selected file must be a CSV' })
		const empty = await runRoute(routes.import.action, uploadRequest(officer, 'carers.csv', ''))
		expect(empty.data).toEqual({ error: 'The selected file is empty' })
		const template = await runRoute(routes.template.loader, staffRequest('/staff/carers/import/template.csv', officer))
		expect(template.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
		// (Response.text() drops the byte order mark that tells Excel the file is UTF-8.)
		expect(template.data.split('\r\n')[0]).toBe(HEADER)
	})
})

describe('a household’s referral', () => {
	async function versionOf(householdId: string) {
		return (await prisma.household.findUniqueOrThrow({ where: { id: householdId } })).version
	}
	async function attach(as: SignedIn, householdId: string, form: Record<string, string>, version?: number) {
		return runRoute(
			routes.attach.action,
			staffRequest(`/staff/households/${householdId}/referral`, as, {
				version: String(version ?? (await versionOf(householdId))),
				...form,
			}),
			{ id: householdId }
		)
	}
	async function change(
		route: 'detach' | 'override',
		as: SignedIn,
		householdId: string,
		referralId: string,
		form: Record<string, string>
	) {
		return runRoute(
			routes[route].action,
			staffRequest(`/staff/households/${householdId}/referrals/${referralId}/${route}`, as, {
				version: String(await versionOf(householdId)),
				...form,
			}),
			{ id: householdId, referralId }
		)
	}
	const recordOf = async (as: SignedIn, householdId: string, query = '') =>
		(
			await runRoute(routes.household.loader, staffRequest(`/staff/households/${householdId}${query}`, as), {
				id: householdId,
			})
		).data

	test('an officer attaches a referral by code; the record shows who referred them and that it counts', async () => {
		const carer = await newCarer()
		const { id } = await createHousehold()
		const officer = await signedInAs('officer')
		const refused = await attach(officer, id, { code: '', reason: '' })
		expect(refused.status).toBe(400)
		expect(refused.data.errors.map((error: { message: string }) => error.message)).toEqual([
			'Enter the referral code or choose the carer',
			'Enter why you are attaching this referral',
		])
		const unknown = await attach(officer, id, { code: 'ZZZZZZZZ', reason: 'Said so on the phone' })
		expect(unknown.data.errors).toEqual([{ field: 'code', message: 'There is no carer with that referral code' }])

		const saved = await attach(officer, id, {
			code: `${carer.code.slice(0, 4).toLowerCase()}-${carer.code.slice(4)}`,
			reason: 'Said so on the phone',
		})
		expect(saved.location).toBe(`/staff/households/${id}?done=referral-counted`)
		const record = await recordOf(officer, id, '?done=referral-counted')
		expect(record.referrals).toMatchObject([
			{
				referrer: { id: carer.id, name: carer.name },
				via: 'staff',
				referredOn: today(),
				status: 'counted',
				staffReason: 'Said so on the phone',
			},
		])
		expect(record.done).toBe('Referral attached: it counts for a bonus')
		expect(record.actions).toContain('referral')
	})

	test('a second referrer chosen from the list does not count; a manager counts it instead, then detaches the first', async () => {
		const first = await newCarer()
		const second = await newCarer()
		const { id } = await createHousehold()
		const officer = await signedInAs('officer')
		await attach(officer, id, { code: first.code, reason: 'First to tell us' })
		const another = await attach(officer, id, { carerId: second.id, reason: 'Also mentioned' })
		expect(another.location).toBe(`/staff/households/${id}?done=referral-not-eligible`)
		const referrals = (await recordOf(officer, id)).referrals as {
			id: string
			referrer: { id: string }
			status: string
			reasonText: string | null
			overridable: boolean
		}[]
		const secondReferral = referrals.find((referral) => referral.referrer.id === second.id)!
		expect(secondReferral).toMatchObject({
			status: 'not_eligible',
			reasonText: 'Another referrer referred this household first',
			overridable: true,
		})

		const manager = await signedInAs('manager')
		const page = await runRoute(
			routes.override.loader,
			staffRequest(`/staff/households/${id}/referrals/${secondReferral.id}/override`, manager),
			{ id, referralId: secondReferral.id }
		)
		expect(page.data.referral.id).toBe(secondReferral.id)
		expect((await change('override', manager, id, secondReferral.id, { reason: '' })).data.errors).toEqual([
			{ field: 'reason', message: 'Enter why this referral should count' },
		])
		const counted = await change('override', manager, id, secondReferral.id, { reason: 'They brought them along' })
		expect(counted.location).toBe(`/staff/households/${id}?done=referral-overridden`)
		const after = await prisma.referral.findMany({ where: { householdId: id } })
		expect(after.find((referral) => referral.referrerId === second.id)).toMatchObject({ status: 'counted' })
		expect(after.find((referral) => referral.referrerId === first.id)).toMatchObject({ status: 'detached' })

		const detached = await change('detach', manager, id, secondReferral.id, { reason: 'Entered by mistake' })
		expect(detached.location).toBe(`/staff/households/${id}?done=referral-detached`)
		expect(await prisma.referral.findUniqueOrThrow({ where: { id: secondReferral.id } })).toMatchObject({
			status: 'detached',
			staffReason: 'Entered by mistake',
		})
		const again = await change('detach', manager, id, secondReferral.id, { reason: 'Twice' })
		expect(again.status).toBe(400)
	})

	test('a change made from a page a colleague has since changed is refused as stale', async () => {
		const carer = await newCarer()
		const { id } = await createHousehold()
		const seen = await versionOf(id)
		await prisma.household.update({ where: { id }, data: { version: { increment: 1 } } })
		const stale = await attach(await signedInAs('officer'), id, { code: carer.code, reason: 'On the phone' }, seen)
		expect(stale.status).toBe(409)
		expect(stale.data.errors).toEqual([{ field: null, message: STALE_MESSAGE }])
		expect(stale.data.values.code).toBe(carer.code)
		expect(await prisma.referral.count({ where: { householdId: id } })).toBe(0)
	})

	test('a social worker sees the referral on the record but cannot change it; a referral of another household is not found', async () => {
		const carer = await newCarer()
		const { id } = await createHousehold()
		const { id: otherId } = await createHousehold()
		const officer = await signedInAs('officer')
		await attach(officer, id, { code: carer.code, reason: 'On the phone' })
		const socialWorker = await signedInAs('social_worker')
		const record = await recordOf(socialWorker, id)
		expect(record.referrals).toHaveLength(1)
		expect(record.actions).not.toContain('referral')
		const referralId = record.referrals[0].id
		const detach = await runRoute(
			routes.detach.action,
			staffRequest(`/staff/households/${id}/referrals/${referralId}/detach`, socialWorker, {
				version: String(await versionOf(id)),
				reason: 'No',
			}),
			{ id, referralId }
		)
		expect(detach.status).toBe(403)
		const elsewhere = await runRoute(
			routes.detach.loader,
			staffRequest(`/staff/households/${otherId}/referrals/${referralId}/detach`, officer),
			{ id: otherId, referralId }
		)
		expect(elsewhere.status).toBe(404)
	})
})
