import crypto from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import type { StaffRole } from '~/domain/staff.ts'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import { createHousehold, runRoute, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'

// Managers' and administrators' settings: stage names, exit reasons and channels. Nothing in use
// is ever deleted; a retired reason stays on the households that have it but cannot be chosen.

const { prisma } = await import('~/utils/db.server.ts')
const { getServiceConfig } = await import('~/models/service-settings.server.ts')
const { exitReasonOptions, runStageCommand } = await import('~/models/households.server.ts')
const { today } = await import('~/utils/clock.server.ts')
const settings = await import('~/routes/staff+/_settings+/settings._index.tsx')
const stageNamesPage = await import('~/routes/staff+/_settings+/settings.stage-names.tsx')
const reasons = await import('~/routes/staff+/_settings+/settings.exit-reasons._index.tsx')
const newReason = await import('~/routes/staff+/_settings+/settings.exit-reasons.new.tsx')
const reason = await import('~/routes/staff+/_settings+/settings.exit-reasons.$id.tsx')
const channels = await import('~/routes/staff+/_settings+/settings.channels._index.tsx')
const newChannel = await import('~/routes/staff+/_settings+/settings.channels.new.tsx')
const channel = await import('~/routes/staff+/_settings+/settings.channels.$id.tsx')
const whatFosteringInvolves = await import('~/routes/_public+/what-fostering-involves.tsx')

let manager: SignedIn

beforeAll(async () => {
	await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL')
	manager = await signedInAs('manager', 'Mo Manager')
})

describe('who may change settings', () => {
	test('managers and administrators; officers, social workers and read-only staff get 403', async () => {
		const administrator = await signedInAs('administrator')
		for (const who of [manager, administrator]) {
			expect((await runRoute(settings.loader, staffRequest('/staff/settings', who))).status).toBe(200)
		}
		const reasonId = (await prisma.exitReason.findFirstOrThrow()).id
		for (const role of ['officer', 'social_worker', 'read_only'] as StaffRole[]) {
			const someone = await signedInAs(role)
			for (const [loader, path] of [
				[settings.loader, '/staff/settings'],
				[stageNamesPage.loader, '/staff/settings/stage-names'],
				[reasons.loader, '/staff/settings/exit-reasons'],
				[channels.loader, '/staff/settings/channels'],
			] as const) {
				expect((await runRoute(loader, staffRequest(path, someone))).status).toBe(403)
			}
			const tries = [
				runRoute(
					stageNamesPage.action,
					staffRequest('/staff/settings/stage-names', someone, { 'stage-enquiry': 'Hello' })
				),
				runRoute(
					newReason.action,
					staffRequest('/staff/settings/exit-reasons/new', someone, { label: 'X', endedBy: 'service' })
				),
				runRoute(
					reason.action,
					staffRequest(`/staff/settings/exit-reasons/${reasonId}`, someone, { intent: 'retire' }),
					{
						id: reasonId,
					}
				),
				runRoute(newChannel.action, staffRequest('/staff/settings/channels/new', someone, { label: 'Sneaky' })),
			]
			for (const answer of await Promise.all(tries)) expect(answer.status).toBe(403)
		}
		expect((await getServiceConfig()).stageNames).toEqual({})
		expect(await prisma.exitReason.count({ where: { retiredAt: { not: null } } })).toBe(0)
	})
})

describe('stage names', () => {
	test('saved into the service configuration; blank keeps the standard name; the public page is unchanged', async () => {
		const answer = await runRoute(
			stageNamesPage.action,
			staffRequest('/staff/settings/stage-names', manager, {
				'stage-initial_visit': ' Home  visit ',
				'stage-panel': '',
			})
		)
		expect(answer.status).toBe(303)
		expect(answer.location).toBe('/staff/settings/stage-names?saved')
		expect((await getServiceConfig()).stageNames).toEqual({ initial_visit: 'Home visit' })

		const page = await runRoute(stageNamesPage.loader, staffRequest('/staff/settings/stage-names?saved', manager))
		expect(page.data.saved).toBe(true)
		expect(page.data.names.find((stage: { key: string }) => stage.key === 'initial_visit')).toEqual({
			key: 'initial_visit',
			default: 'Initial visit',
			custom: 'Home visit',
		})

		const publicPage = (await whatFosteringInvolves.loader()) as { steps: { key: string; name: string }[] }
		expect(publicPage.steps.find((step) => step.key === 'initial_visit')!.name).toBe('Initial visit')

		// Blank again: back to the standard name.
		await runRoute(
			stageNamesPage.action,
			staffRequest('/staff/settings/stage-names', manager, { 'stage-initial_visit': '' })
		)
		expect((await getServiceConfig()).stageNames).toEqual({})
	})

	test('two stages with one name, or a name too long, are refused and nothing is saved', async () => {
		const answer = await runRoute(
			stageNamesPage.action,
			staffRequest('/staff/settings/stage-names', manager, {
				'stage-application': 'approved',
				'stage-enquiry': 'x'.repeat(41),
			})
		)
		expect(answer.status).toBe(400)
		expect(answer.data.errors).toEqual([
			{ field: 'stage-enquiry', message: 'Stage names must be 40 characters or fewer' },
			{ field: 'stage-application', message: 'Each stage needs its own name: ‘Approved’ is used twice' },
		])
		expect((await getServiceConfig()).stageNames).toEqual({})
	})
})

describe('exit reasons', () => {
	const add = (form: Record<string, string>) =>
		runRoute(newReason.action, staffRequest('/staff/settings/exit-reasons/new', manager, form))

	test('are listed by who ended them, with the Ofsted code and how many households have each', async () => {
		const household = await createHousehold({ stage: 'initial_contact' })
		const closed = await runStageCommand({
			householdId: household.id,
			expectedVersion: household.version,
			actor: manager.staff,
			command: { type: 'close', endedBy: 'household', exitReasonKey: 'housing', businessDate: today() },
			audit: 'Closed',
		})
		expect(closed.ok).toBe(true)
		const page = await runRoute(reasons.loader, staffRequest('/staff/settings/exit-reasons', manager))
		expect(page.data.groups.map((group: { title: string }) => group.title)).toEqual([
			'The household withdrew',
			'The service ended it',
			'Not approved',
		])
		const housing = page.data.groups[0].reasons.find((one: { key: string }) => one.key === 'housing')
		expect(housing).toMatchObject({ label: 'Housing or no spare room', ofstedCode: 'AW3', uses: 1, retired: false })
		expect(page.data.groups[2].reasons.every((one: { ofstedCode: string | null }) => one.ofstedCode === null)).toBe(
			true
		)
	})

	test('a new household withdrawal needs its Ofsted code; its key comes from the label', async () => {
		const missing = await add({ label: 'Moved abroad', endedBy: 'household', ofstedCode: '' })
		expect(missing.status).toBe(400)
		expect(missing.data.errors).toEqual([
			{ field: 'ofstedCode', message: 'Select the Ofsted withdrawal code for this reason' },
		])
		const added = await add({ label: 'Moved abroad', endedBy: 'household', ofstedCode: 'AW3', nurture: 'yes' })
		expect(added.status).toBe(303)
		expect(added.location).toBe('/staff/settings/exit-reasons?done=added')
		expect(await prisma.exitReason.findUniqueOrThrow({ where: { key: 'moved_abroad' } })).toMatchObject({
			label: 'Moved abroad',
			endedBy: 'household',
			ofstedCode: 'AW3',
			nurture: true,
			retiredAt: null,
		})
		// A service reason carries no Ofsted withdrawal code, whatever was sent.
		await add({ label: 'Moved abroad', endedBy: 'service', ofstedCode: 'AW1' })
		expect(await prisma.exitReason.findUniqueOrThrow({ where: { key: 'moved_abroad_2' } })).toMatchObject({
			endedBy: 'service',
			ofstedCode: null,
		})
		// Now offered when closing a household.
		expect((await exitReasonOptions()).find((one) => one.key === 'moved_abroad')).toMatchObject({ retired: false })
	})

	test('a duplicate name for the same group is refused', async () => {
		const answer = await add({ label: ' HEALTH ', endedBy: 'household', ofstedCode: 'AW3' })
		expect(answer.status).toBe(409)
		expect(answer.data.errors).toEqual([{ field: 'label', message: 'There is already an exit reason called ‘HEALTH’' }])
		const blank = await add({ label: '', endedBy: '', ofstedCode: '' })
		expect(blank.data.errors.map((error: { field: string }) => error.field)).toEqual(['label', 'endedBy'])
	})

	test('renaming keeps the key; a name another reason has is refused', async () => {
		const timing = await prisma.exitReason.findUniqueOrThrow({ where: { key: 'timing' } })
		const rename = (label: string) =>
			runRoute(
				reason.action,
				staffRequest(`/staff/settings/exit-reasons/${timing.id}`, manager, { intent: 'rename', label }),
				{
					id: timing.id,
				}
			)
		const duplicate = await rename('Health')
		expect(duplicate.status).toBe(409)
		expect(duplicate.data.errors[0].message).toBe('There is already an exit reason called ‘Health’')
		expect((await rename('')).data.errors[0].message).toBe('Enter the name of the reason')
		const saved = await rename('Not the right time')
		expect(saved.location).toBe('/staff/settings/exit-reasons?done=saved')
		expect(await prisma.exitReason.findUniqueOrThrow({ where: { id: timing.id } })).toMatchObject({
			key: 'timing',
			label: 'Not the right time',
		})
	})

	test('retiring a reason in use keeps it on the household but it can no longer be chosen; it can come back', async () => {
		const household = await createHousehold({ stage: 'enquiry' })
		await runStageCommand({
			householdId: household.id,
			expectedVersion: household.version,
			actor: manager.staff,
			command: { type: 'close', endedBy: 'household', exitReasonKey: 'lost_contact', businessDate: today() },
			audit: 'Closed',
		})
		const lostContact = await prisma.exitReason.findUniqueOrThrow({ where: { key: 'lost_contact' } })
		const act = (intent: string) =>
			runRoute(reason.action, staffRequest(`/staff/settings/exit-reasons/${lostContact.id}`, manager, { intent }), {
				id: lostContact.id,
			})
		expect((await act('retire')).location).toBe('/staff/settings/exit-reasons?done=retired')

		expect(await prisma.exitReason.count({ where: { id: lostContact.id } })).toBe(1)
		const event = await prisma.stageEvent.findFirstOrThrow({ where: { householdId: household.id, kind: 'exit' } })
		expect(event.exitReasonId).toBe(lostContact.id)
		expect((await exitReasonOptions()).find((one) => one.key === 'lost_contact')).toMatchObject({ retired: true })

		const another = await createHousehold({ stage: 'enquiry' })
		const refused = await runStageCommand({
			householdId: another.id,
			expectedVersion: another.version,
			actor: manager.staff,
			command: { type: 'close', endedBy: 'household', exitReasonKey: 'lost_contact', businessDate: today() },
			audit: 'Closed',
		})
		expect(refused).toMatchObject({ ok: false, field: 'exitReasonKey' })

		const page = await runRoute(
			reason.loader,
			staffRequest(`/staff/settings/exit-reasons/${lostContact.id}`, manager),
			{
				id: lostContact.id,
			}
		)
		expect(page.data.reason).toMatchObject({ retired: true, uses: 1 })

		expect((await act('restore')).location).toBe('/staff/settings/exit-reasons?done=restored')
		expect((await exitReasonOptions()).find((one) => one.key === 'lost_contact')).toMatchObject({ retired: false })
	})

	test('there is no way to delete a reason', async () => {
		const any = await prisma.exitReason.findFirstOrThrow()
		const answer = await runRoute(
			reason.action,
			staffRequest(`/staff/settings/exit-reasons/${any.id}`, manager, { intent: 'delete' }),
			{
				id: any.id,
			}
		)
		expect(answer.status).toBe(400)
		expect(await prisma.exitReason.count({ where: { id: any.id } })).toBe(1)
	})
})

test('a made-up confirmation in the address of a list shows no banner (and does not break the page)', async () => {
	for (const [loader, path] of [
		[reasons.loader, '/staff/settings/exit-reasons'],
		[channels.loader, '/staff/settings/channels'],
	] as const) {
		for (const done of ['toString', 'constructor', 'nonsense']) {
			const page = await runRoute(loader, staffRequest(`${path}?done=${done}`, manager))
			expect(page.status).toBe(200)
			expect(page.data.done).toBeNull()
		}
	}
})

describe('channels', () => {
	test('a new channel gets a key from its label and is usable at once by the enquiry write path', async () => {
		const answer = await runRoute(
			newChannel.action,
			staffRequest('/staff/settings/channels/new', manager, { label: 'Library drop-in' })
		)
		expect(answer.location).toBe('/staff/settings/channels?done=added')
		const created = await prisma.channel.findUniqueOrThrow({ where: { key: 'library_drop_in' } })
		expect(created).toMatchObject({ label: 'Library drop-in', retiredAt: null })

		const page = await runRoute(channels.loader, staffRequest('/staff/settings/channels', manager))
		expect(page.data.channels.find((one: { key: string }) => one.key === 'library_drop_in')).toMatchObject({
			builtIn: false,
			uses: 0,
		})
		expect(page.data.channels.find((one: { key: string }) => one.key === 'search')).toMatchObject({ builtIn: true })
	})

	test('an enquiry can be recorded in a channel added after the process first read the channels', async () => {
		const { recordEnquiry } = await import('~/models/enquiries.server.ts')
		const { validateEnquiry, readEnquiryValues } = await import('~/domain/enquiry-form.ts')
		const { DEMO_SERVICE_CONFIG } = await import('~/domain/service-config.ts')
		const record = (channelKey: string) => {
			const checked = validateEnquiry(readEnquiryValues(new URLSearchParams(validEnquiryFields())))
			if (!checked.ok) throw new Error('fixture is invalid')
			return recordEnquiry(
				{
					submissionKey: crypto.randomUUID(),
					source: 'event',
					answers: checked.enquiry,
					attribution: {},
					// Staff-entered enquiries may use channels managers add (the type lists the online form's).
					channel: channelKey as 'event',
					consentWording: 'I agree.',
					receivedAt: new Date(),
				},
				DEMO_SERVICE_CONFIG
			)
		}
		await record('search')
		await runRoute(newChannel.action, staffRequest('/staff/settings/channels/new', manager, { label: 'Summer show' }))
		const { receipt } = await record('summer_show')
		expect(receipt.channel).toBe('summer_show')
		const enquiry = await prisma.enquiry.findUniqueOrThrow({
			where: { reference: receipt.reference },
			include: { channel: true },
		})
		expect(enquiry.channel.label).toBe('Summer show')
	})

	test('a duplicate name is refused', async () => {
		const answer = await runRoute(
			newChannel.action,
			staffRequest('/staff/settings/channels/new', manager, { label: 'search engine' })
		)
		expect(answer.status).toBe(409)
		expect(answer.data.errors).toEqual([
			{ field: 'label', message: 'There is already a channel called ‘search engine’' },
		])
	})

	test('renamed, retired and brought back; the online form’s own channels cannot be retired', async () => {
		const radio = await prisma.channel.findUniqueOrThrow({ where: { key: 'radio' } })
		const act = (id: string, form: Record<string, string>) =>
			runRoute(channel.action, staffRequest(`/staff/settings/channels/${id}`, manager, form), { id })

		expect((await act(radio.id, { intent: 'rename', label: 'Local radio' })).location).toBe(
			'/staff/settings/channels?done=saved'
		)
		expect((await prisma.channel.findUniqueOrThrow({ where: { id: radio.id } })).label).toBe('Local radio')
		const refused = await act(radio.id, { intent: 'retire' })
		expect(refused.status).toBe(409)
		expect(refused.data.errors[0].message).toMatch(/^The online enquiry form sorts enquiries into this channel/)
		expect((await prisma.channel.findUniqueOrThrow({ where: { id: radio.id } })).retiredAt).toBeNull()

		await runRoute(newChannel.action, staffRequest('/staff/settings/channels/new', manager, { label: 'Church fete' }))
		const fete = await prisma.channel.findUniqueOrThrow({ where: { key: 'church_fete' } })
		expect((await act(fete.id, { intent: 'retire' })).location).toBe('/staff/settings/channels?done=retired')
		expect((await prisma.channel.findUniqueOrThrow({ where: { id: fete.id } })).retiredAt).not.toBeNull()
		expect((await act(fete.id, { intent: 'restore' })).location).toBe('/staff/settings/channels?done=restored')
		expect((await prisma.channel.findUniqueOrThrow({ where: { id: fete.id } })).retiredAt).toBeNull()
	})
})
