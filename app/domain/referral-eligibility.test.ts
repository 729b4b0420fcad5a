import { describe, expect, test } from 'vitest'
import { DEFAULT_BONUS_RULES } from './bonus-scheme.ts'
import {
	assessReferral,
	ineligibleReasonText,
	type ReferredHouseholdFacts,
	type ReferrerFacts,
} from './referral-eligibility.ts'

const maggie: ReferrerFacts = {
	id: 'carer-maggie',
	kind: 'foster_carer',
	active: true,
	householdId: 'household-okafor',
	emailNormalized: 'maggie@example.com',
}

const friend: ReferredHouseholdFacts = {
	id: 'household-shah',
	route: 'mainstream',
	applicantEmails: ['priya@example.com'],
	lastContactBefore: null,
	countedReferrerId: null,
}

function assess(
	referrer: Partial<ReferrerFacts>,
	household: Partial<ReferredHouseholdFacts>,
	rules = DEFAULT_BONUS_RULES
) {
	return assessReferral({
		referrer: { ...maggie, ...referrer },
		household: { ...friend, ...household },
		rules,
		referredOn: '2026-11-23',
	})
}

describe('a referral earns a bonus', () => {
	test('when an approved carer refers a household new to the service', () => {
		expect(assess({}, {})).toEqual({ eligible: true })
	})

	test('when the household last contacted the service more than the window before', () => {
		// Six months before 23 November 2026 is 23 May 2026: contact on 22 May is outside the window.
		expect(assess({}, { lastContactBefore: '2026-05-22' })).toEqual({ eligible: true })
		expect(assess({}, { lastContactBefore: '2026-05-23' })).toEqual({ eligible: true })
	})

	test('again for the same referrer (the referral that already counts is theirs)', () => {
		expect(assess({}, { countedReferrerId: 'carer-maggie' })).toEqual({ eligible: true })
	})
})

describe('a referral earns nothing', () => {
	test.each([
		['the carer refers their own household', {}, { id: 'household-okafor' }, 'own_household'],
		[
			'the carer’s email is one of the household’s applicants',
			{},
			{ applicantEmails: ['maggie@example.com'] },
			'own_household',
		],
		['the household is a kinship household', {}, { route: 'kinship' as const }, 'kinship'],
		['another referrer came first', {}, { countedReferrerId: 'carer-ann' }, 'already_referred'],
		['the household was in contact within the six months', {}, { lastContactBefore: '2026-05-24' }, 'recent_contact'],
		['the referrer is no longer active', { active: false }, {}, 'referrer_inactive'],
		['the referrer is staff and the scheme pays only carers', { kind: 'staff' as const }, {}, 'referrer_kind'],
	])('when %s', (_, referrer, household, reason) => {
		expect(assess(referrer, household)).toEqual({ eligible: false, reason })
	})

	test('self-referral is refused before anything else, even a kinship one', () => {
		expect(assess({}, { id: 'household-okafor', route: 'kinship' })).toEqual({
			eligible: false,
			reason: 'own_household',
		})
	})
})

test('a scheme may let staff and community groups earn, and may have no contact window', () => {
	const open = {
		...DEFAULT_BONUS_RULES,
		eligibleReferrerKinds: ['foster_carer', 'staff', 'community_group'] as const,
		contactWindowMonths: 0,
	}
	expect(
		assess(
			{ kind: 'community_group' },
			{ lastContactBefore: '2026-11-20' },
			{ ...open, eligibleReferrerKinds: [...open.eligibleReferrerKinds] }
		)
	).toEqual({
		eligible: true,
	})
})

test('reasons are worded for staff, with the scheme’s window', () => {
	expect(ineligibleReasonText('recent_contact', { contactWindowMonths: 6 })).toBe(
		'The household was already in contact with the service in the 6 months before the referral'
	)
	expect(ineligibleReasonText('referrer_kind', { contactWindowMonths: 6 }, 'staff')).toBe(
		'Members of staff cannot earn a bonus under the scheme in force on the day of the referral'
	)
})
