import { expect, test } from 'vitest'
import { friendRows } from './referral-list.ts'

// The carer's list of friends: the names they typed, invitations just sent, newest first.

test('a referral from an invited friend shows the name the carer typed; one without an invitation has none', () => {
	const rows = friendRows(
		[
			{ friendName: 'Carol', sentOn: '2026-11-01', emailHash: 'h-carol' },
			{ friendName: 'Dev', sentOn: '2026-12-07', emailHash: 'h-dev' },
		],
		[
			{ id: 'r1', referredOn: '2026-11-03', emailHashes: ['h-other', 'h-carol'] },
			{ id: 'r2', referredOn: '2026-11-20', emailHashes: ['h-stranger'] },
		]
	)
	expect(rows).toEqual([
		{ kind: 'invitation', friendName: 'Dev', date: '2026-12-07' },
		{ kind: 'referral', referralId: 'r2', friendName: null, date: '2026-11-20' },
		{ kind: 'referral', referralId: 'r1', friendName: 'Carol', date: '2026-11-03' },
	])
})

test('an invitation sent today is listed before a referral of the same day', () => {
	const rows = friendRows(
		[{ friendName: 'Eve', sentOn: '2026-12-08', emailHash: 'h-eve' }],
		[{ id: 'r1', referredOn: '2026-12-08', emailHashes: [] }]
	)
	expect(rows.map((row) => row.kind)).toEqual(['invitation', 'referral'])
})
