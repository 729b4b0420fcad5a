import type { Prisma } from '~/generated/prisma/client.ts'
import { parseBonusRules, type Milestone, type ReferrerKind } from '~/domain/bonus-scheme.ts'
import type { LedgerStatus } from '~/domain/bonus-ledger.ts'
import type { CarerStatus } from '~/domain/carer-form.ts'
import { ineligibleReasonText, type IneligibleReason } from '~/domain/referral-eligibility.ts'
import { prisma } from '~/utils/db.server.ts'
import { householdReferrals } from './referrals.server.ts'

// What staff see of carers: the list at /staff/carers and a carer's record. Reads only: adding
// carers, placements and referrals, and turning a carer inactive, is app/models/carers.server.ts.

export const CARERS_PER_PAGE = 25
const SEARCH_MAX = 100

/** A page of carers, by name, whose name, email or referral code has `search` in it. */
export async function listCarers(input: { search: string; page: number }) {
	const search = input.search.trim().slice(0, SEARCH_MAX)
	// SQLite's LIKE ignores the case of ASCII letters: "jo" finds "Jo" and "JO@EXAMPLE.COM".
	const code = search.toUpperCase().replace(/[\s-]/g, '')
	const where: Prisma.CarerWhereInput = search
		? {
				OR: [
					{ name: { contains: search } },
					{ emailNormalized: { contains: search.toLowerCase() } },
					...(code ? [{ referralCodes: { some: { code: { contains: code } } } }] : []),
				],
			}
		: {}
	const total = await prisma.carer.count({ where })
	const pages = Math.max(1, Math.ceil(total / CARERS_PER_PAGE))
	const page = Math.min(Math.max(1, Math.floor(input.page) || 1), pages)
	const carers = await prisma.carer.findMany({
		where,
		orderBy: [{ name: 'asc' }, { id: 'asc' }],
		skip: (page - 1) * CARERS_PER_PAGE,
		take: CARERS_PER_PAGE,
		select: {
			id: true,
			name: true,
			email: true,
			kind: true,
			status: true,
			approvedOn: true,
			stripeAccountStatus: true,
			referralCodes: { where: { active: true }, select: { code: true }, orderBy: { createdAt: 'desc' }, take: 1 },
		},
	})
	return {
		search,
		total,
		page,
		pages,
		carers: carers.map(({ referralCodes, stripeAccountStatus, ...carer }) => ({
			...carer,
			kind: carer.kind as ReferrerKind,
			status: carer.status as CarerStatus,
			code: referralCodes[0]?.code ?? null,
			stripeConnected: stripeAccountStatus === 'enabled',
		})),
	}
}

/** Everything a carer's record shows: details, code, referrals made, placements and bonuses. */
export async function carerRecord(id: string) {
	const carer = await prisma.carer.findUnique({
		where: { id },
		include: {
			referralCodes: { orderBy: { createdAt: 'desc' } },
			household: { select: { id: true, reference: true } },
			placements: { orderBy: [{ startedOn: 'desc' }, { createdAt: 'desc' }] },
			referrals: {
				orderBy: [{ referredOn: 'desc' }, { createdAt: 'desc' }],
				include: {
					household: { select: { id: true, reference: true, displayName: true, stage: true, status: true } },
					scheme: { select: { rules: true } },
				},
			},
			bonusEntries: {
				orderBy: [{ createdAt: 'desc' }],
				include: { referral: { select: { household: { select: { reference: true, displayName: true } } } } },
			},
		},
	})
	if (!carer) return null
	const { referralCodes, placements, referrals, bonusEntries, ...details } = carer
	return {
		carer: {
			...details,
			kind: details.kind as ReferrerKind,
			status: details.status as CarerStatus,
			stripeConnected: details.stripeAccountStatus === 'enabled',
		},
		activeCode: referralCodes.find((code) => code.active)?.code ?? null,
		codes: referralCodes.map(({ code, active }) => ({ code, active })),
		placements: placements.map(({ id, startedOn, endedOn, childReference }) => ({
			id,
			startedOn,
			endedOn,
			childReference,
		})),
		referrals: referrals.map((referral) => ({
			id: referral.id,
			referredOn: referral.referredOn,
			via: referral.via,
			status: referral.status,
			reasonText: reasonText(referral, details.kind),
			staffReason: referral.staffReason,
			household: referral.household,
		})),
		bonusEntries: bonusEntries.map((entry) => ({
			id: entry.id,
			milestone: entry.milestone as Milestone,
			amountPence: entry.amountPence,
			status: entry.status as LedgerStatus,
			earnedOn: entry.earnedOn,
			paidOn: entry.paidOn,
			household: entry.referral.household,
		})),
	}
}

function reasonText(
	referral: { status: string; ineligibleReason: string | null; scheme: { rules: string } },
	kind: string
): string | null {
	if (referral.status !== 'not_eligible' || !referral.ineligibleReason) return null
	return ineligibleReasonText(
		referral.ineligibleReason as IneligibleReason,
		parseBonusRules(referral.scheme.rules),
		kind as ReferrerKind
	)
}

/** Which of these lower-cased emails belong to carers already added: email → name. */
export async function carerEmailsTaken(emails: readonly string[]): Promise<Map<string, string>> {
	const taken = new Map<string, string>()
	for (let i = 0; i < emails.length; i += 500) {
		const rows = await prisma.carer.findMany({
			where: { emailNormalized: { in: emails.slice(i, i + 500) } },
			select: { emailNormalized: true, name: true },
		})
		for (const row of rows) taken.set(row.emailNormalized, row.name)
	}
	return taken
}

/** Active carers to choose from when staff attach a referral by hand. */
export function activeCarerChoices() {
	return prisma.carer.findMany({
		where: { status: 'active' },
		select: { id: true, name: true, email: true },
		orderBy: [{ name: 'asc' }, { id: 'asc' }],
	})
}

/** The carer's referral code in use, if any (the newest, if several were ever issued). */
export async function activeCodeOf(carerId: string) {
	const code = await prisma.referralCode.findFirst({
		where: { carerId, active: true },
		orderBy: { createdAt: 'desc' },
		select: { code: true },
	})
	return code?.code ?? null
}

/** A household's referrals as its record shows them, with the reason in staff's words. */
export function referralsOfHousehold(householdId: string) {
	return householdReferrals(prisma, householdId)
}
