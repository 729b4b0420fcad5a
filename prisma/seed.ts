// Loads the demo council (prisma/demo-data.ts) into an empty database. `npm start` runs this every
// time, so it does nothing once there are households: real or demo data is never touched.
//   npx tsx prisma/seed.ts
import { pathToFileURL } from 'node:url'
import { formatPounds } from '~/domain/bonus-scheme.ts'
import type { HouseholdIntake } from '~/domain/household-intake.ts'
import { DEMO_SERVICE_CONFIG, ServiceConfigSchema } from '~/domain/service-config.ts'
import { DEMO_STAFF_PASSWORD, describeDemoLogins } from '~/domain/staff.ts'
import type { Prisma, PrismaClient } from '~/generated/prisma/client.ts'
import { hashPassword } from '~/utils/password.server.ts'
import { DEMO_SEED, generateDemoData, type DemoData } from './demo-data.ts'
import type { DemoReferralSummary } from './demo-referrals.ts'

export type SeedResult =
	| { seeded: false; households: number }
	| {
			seeded: true
			households: number
			kinship: number
			enquiries: number
			approvals: number
			referrals: DemoReferralSummary
			openNow: number
			onHold: number
			from: Date
			to: Date
			/** Wall-clock time, and the processor time it took (what a busy machine does not inflate). */
			ms: number
			cpuMs: number
			/** The demo accounts this run created, all with DEMO_STAFF_PASSWORD. */
			staffCreated: { email: string; role: string }[]
	  }

export async function seedDemoData(prisma: PrismaClient, { today }: { today: Date }): Promise<SeedResult> {
	const started = performance.now()
	const cpuStarted = process.cpuUsage()
	const existing = await prisma.household.count()
	if (existing > 0) return { seeded: false, households: existing }

	const data = generateDemoData({ today, seed: DEMO_SEED })

	// Staff accounts and referral codes that already exist (made in the staff area before any
	// enquiry arrived) are reused rather than duplicated.
	const staffIds = new Map(data.staff.map((user) => [user.id, user.id]))
	const knownStaff = await prisma.staffUser.findMany({ where: { email: { in: data.staff.map((user) => user.email) } } })
	for (const user of data.staff) {
		const known = knownStaff.find((row) => row.email === user.email)
		if (known) staffIds.set(user.id, known.id)
	}
	const codeIds = new Map(data.referralCodes.map((code) => [code.id, code.id]))
	const knownCodes = await prisma.referralCode.findMany({
		where: { code: { in: data.referralCodes.map((code) => code.code) } },
	})
	for (const code of data.referralCodes) {
		const known = knownCodes.find((row) => row.code === code.code)
		if (known) codeIds.set(code.id, known.id)
	}
	const staffId = (id: string | null) => (id === null ? null : (staffIds.get(id) ?? id))
	// New demo accounts get the public demo password, each hash with its own salt. Accounts that
	// already existed keep theirs.
	const newStaff = await Promise.all(
		data.staff
			.filter((user) => !knownStaff.some((row) => row.email === user.email))
			.map(async (user) => ({ ...user, passwordHash: await hashPassword(DEMO_STAFF_PASSWORD) }))
	)

	const inserted = await prisma.$transaction(
		async (tx) => {
			// Checked again inside the transaction, in case another process seeded meanwhile.
			if ((await tx.household.count()) > 0) return false
			// A service that has already set itself up keeps its own settings.
			const config = JSON.stringify(ServiceConfigSchema.parse(DEMO_SERVICE_CONFIG))
			await tx.serviceSettings.upsert({ where: { id: 1 }, create: { id: 1, data: config }, update: {} })
			await tx.staffUser.createMany({ data: newStaff })
			await tx.referralCode.createMany({
				data: data.referralCodes.filter((code) => !knownCodes.some((row) => row.code === code.code)),
			})
			const codeId = (id: string | null) => (id === null ? null : (codeIds.get(id) ?? null))
			await writeDemoHouseholds(tx, data, staffId, codeId)
			const manager = data.staff.find((user) => user.role === 'manager')!
			const { seedDemoReferrals } = await import('./demo-referrals.ts')
			const referrals = await seedDemoReferrals(tx, {
				today,
				seed: DEMO_SEED,
				manager: { id: staffId(manager.id)!, email: manager.email, name: manager.name, role: manager.role },
			})
			// The funnel rows of the households referrals brought, now that they have them.
			const { refreshFunnelFacts } = await import('~/models/funnel-facts.server.ts')
			const referred = await tx.referral.findMany({ select: { householdId: true } })
			await refreshFunnelFacts(
				tx,
				referred.map((referral) => referral.householdId)
			)
			return referrals
		},
		{ timeout: 60_000 }
	)
	if (!inserted) return { seeded: false, households: await prisma.household.count() }

	const cpu = process.cpuUsage(cpuStarted)
	const received = data.enquiries.map((enquiry) => enquiry.receivedAt.getTime())
	return {
		seeded: true,
		households: data.households.length,
		kinship: data.households.filter((household) => household.route === 'kinship').length,
		enquiries: data.enquiries.length,
		approvals: data.households.filter((household) => household.stage === 'approved').length,
		referrals: inserted,
		openNow: data.households.filter((household) => household.status !== 'closed' && household.stage !== 'approved')
			.length,
		onHold: data.households.filter((household) => household.status === 'on_hold').length,
		from: new Date(Math.min(...received)),
		to: new Date(Math.max(...received)),
		ms: Math.round(performance.now() - started),
		cpuMs: Math.round((cpu.user + cpu.system) / 1000),
		staffCreated: newStaff.map((user) => ({ email: user.email, role: user.role })),
	}
}

type IdOf = (id: string | null) => string | null

/**
 * The demo's households through the household writer, as the enquiry form, staff and the import
 * make theirs (each its row, deadline, funnel row and audit entry from its history), then their
 * possible matches, calls and notes.
 */
async function writeDemoHouseholds(tx: Prisma.TransactionClient, data: DemoData, staffId: IdOf, codeId: IdOf) {
	const { rowsOf, writeHouseholds } = await import('~/models/household-writer.server.ts')
	await writeHouseholds(
		tx,
		await rowsOf(
			tx,
			data.intakes.map((intake) => withIds(intake, staffId, codeId))
		)
	)
	// Before the referrals: a referral on a possible match waits for the officer's decision.
	await tx.possibleMatch.createMany({ data: data.possibleMatches })
	await tx.contactAttempt.createMany({
		data: data.contactAttempts.map((attempt) => ({ ...attempt, actorId: staffId(attempt.actorId) })),
	})
	await tx.householdNote.createMany({
		data: data.notes.map((note) => ({ ...note, authorId: staffId(note.authorId)! })),
	})
}

/** A demo household with the ids of the staff accounts and referral codes the database already had. */
function withIds(intake: HouseholdIntake, staffId: IdOf, codeId: IdOf): HouseholdIntake {
	return {
		...intake,
		ownerId: staffId(intake.ownerId),
		events: intake.events.map((event) => ({ ...event, actorId: staffId(event.actorId) })),
		enquiries: intake.enquiries.map((enquiry) => ({ ...enquiry, referralCodeId: codeId(enquiry.referralCodeId) })),
		audit: intake.audit?.map((entry) => ({ ...entry, actorId: staffId(entry.actorId)! })),
	}
}

/** The one paragraph `npm start` prints. */
export function describeSeed(result: SeedResult): string {
	if (!result.seeded) {
		return `The database already has ${result.households.toLocaleString('en-GB')} households: kept the existing data and loaded no demo data.`
	}
	const n = (value: number) => value.toLocaleString('en-GB')
	const date = (value: Date) =>
		value.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })
	return (
		`Loaded demo data for ${DEMO_SERVICE_CONFIG.organisationName}: ${n(result.households)} households ` +
		`(${n(result.kinship)} of them kinship) made ${n(result.enquiries)} enquiries between ${date(result.from)} and ` +
		`${date(result.to)}; ${n(result.approvals)} households were approved and ${n(result.openNow)} are in the ` +
		`pipeline now (${n(result.onHold)} on hold). ${n(result.referrals.referrals)} enquiries came through ` +
		`${n(result.referrals.referrers)} carers' referral codes (${n(result.referrals.counted)} earn a bonus; ` +
		`${formatPounds(result.referrals.paidPence)} paid so far). Took ${(result.ms / 1000).toFixed(1)} s.` +
		describeDemoLogins(DEMO_STAFF_PASSWORD, result.staffCreated)
	)
}

// Run as a script (not when imported by the tests).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { prisma, ensurePragmas } = await import('~/utils/db.server.ts')
	try {
		await ensurePragmas()
		console.log(describeSeed(await seedDemoData(prisma, { today: new Date() })))
		// A database from before response-time clocks gets its households' deadlines once.
		const { fillClocksAfterUpgrade } = await import('~/models/response-clocks.server.ts')
		const filled = await fillClocksAfterUpgrade()
		if (filled > 0)
			console.log(`Worked out the response-time deadlines of ${filled.toLocaleString('en-GB')} households.`)
		// A database from before the funnel view gets its households' funnel rows once.
		const { fillFunnelFactsAfterUpgrade } = await import('~/models/funnel-facts.server.ts')
		const summarised = await fillFunnelFactsAfterUpgrade()
		if (summarised > 0) console.log(`Summarised ${summarised.toLocaleString('en-GB')} households for the funnel view.`)
		// A database from before possible matches gets its applicants' phone and name keys once.
		const { fillMatchKeysAfterUpgrade } = await import('~/models/possible-matches.server.ts')
		const keyed = await fillMatchKeysAfterUpgrade()
		if (keyed > 0) console.log(`Worked out the match keys of ${keyed.toLocaleString('en-GB')} applicants.`)
	} finally {
		await prisma.$disconnect()
	}
}
