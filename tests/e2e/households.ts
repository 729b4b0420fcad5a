// Households for end-to-end tests, made as the app makes them (tests/support/households.ts: one
// applicant, one web enquiry, one stage event per stage up to `stage`) and written into the e2e
// server's database by the app's own household writer, so each has its deadline, funnel row and
// copies as in real use. Stage changes go through the app's runStageCommand, with an audit entry.
// The app's models load once per Playwright worker, on the first household it makes.
import crypto from 'node:crypto'
import type { StageCommand } from '../../app/domain/stage-machine.ts'
import type { StageKey } from '../../app/domain/stages.ts'
import type { CalendarDate } from '../../app/domain/working-days.ts'
import { testHouseholdIntake } from '../support/households.ts'
import { E2E_DB, type E2eStaff } from './staff.ts'

let models:
	| Promise<{
			prisma: typeof import('../../app/utils/db.server.ts').prisma
			writer: typeof import('../../app/models/household-writer.server.ts')
			households: typeof import('../../app/models/households.server.ts')
	  }>
	| undefined

/** The app's models, on the e2e database (its client reads DATABASE_URL when it loads). */
function appModels() {
	models ??= (async () => {
		process.env.DATABASE_URL = `file:${E2E_DB}`
		const [{ prisma }, writer, households] = await Promise.all([
			import('../../app/utils/db.server.ts'),
			import('../../app/models/household-writer.server.ts'),
			import('../../app/models/households.server.ts'),
		])
		return { prisma, writer, households }
	})()
	return models
}

export async function createE2eHousehold({
	firstName = 'Sam',
	lastName = 'Example',
	stage = 'enquiry',
	owner = null,
	receivedAt,
	movedOn,
	recordedAt,
	postcode = 'LS1 4AP',
	enquiryReference,
}: {
	firstName?: string
	lastName?: string
	stage?: StageKey
	owner?: E2eStaff | null
	/** When the enquiry arrived (default: a few seconds ago, so the events are all in the past). */
	receivedAt?: Date
	/** The day it reached each later stage (default: the enquiry's). */
	movedOn?: (stage: StageKey) => CalendarDate
	recordedAt?: (index: number) => Date
	postcode?: string
	enquiryReference?: string
} = {}) {
	const { prisma, writer } = await appModels()
	const id = crypto.randomUUID()
	const suffix = id.slice(0, 6).toUpperCase()
	const email = `${firstName}.${lastName}.${suffix}@example.com`.toLowerCase()
	const intake = testHouseholdIntake({
		id,
		reference: `FC-E${suffix}`,
		enquiryReference: enquiryReference ?? `ENQ-E${suffix}`,
		firstName,
		lastName,
		email,
		phone: '07700 900123',
		postcode,
		ownerId: owner?.id ?? null,
		stage,
		receivedAt: receivedAt ?? new Date(Date.now() - 10_000),
		movedOn,
		recordedAt,
	})
	await prisma.$transaction((tx) => writer.createHouseholds(tx, [intake]))
	return { id, reference: intake.reference, name: `${firstName} ${lastName}`, email }
}

/** A stage change (a close, a hold...) made by `actor` as the household's pages make one. */
export async function changeE2eHousehold(householdId: string, actor: E2eStaff, command: StageCommand) {
	const { prisma, households } = await appModels()
	const { version } = await prisma.household.findUniqueOrThrow({
		where: { id: householdId },
		select: { version: true },
	})
	const changed = await households.runStageCommand({
		householdId,
		expectedVersion: version,
		actor,
		command,
		audit: `Changed by an end-to-end test: ${command.type}`,
	})
	if (!changed.ok) throw new Error(changed.error)
}

/** The service's exit reasons, as the close form offers them. */
export async function e2eExitReasons() {
	const { households } = await appModels()
	return households.exitReasonOptions()
}
