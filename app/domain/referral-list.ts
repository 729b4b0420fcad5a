// The carer portal's list of friends (issue 15): the invitations the carer sent and the referrals
// made with their link or code, in one list, newest first. A referral is shown with the first name
// the carer typed when inviting that friend (matched by the friend's address, hashed with the
// carer's id), and never anything the friend gave the service; an invitation no referral answers
// yet is listed as sent. Pure: the model hashes the addresses and reads the progress.

import type { CalendarDate } from './working-days.ts'

export type SentInvitation = { friendName: string; sentOn: CalendarDate; emailHash: string }
export type MadeReferral = { id: string; referredOn: CalendarDate; emailHashes: readonly string[] }

/** One row: a referral (with the invited name when there was an invitation) or an invitation alone. */
export type FriendRow =
	| { kind: 'referral'; referralId: string; friendName: string | null; date: CalendarDate }
	| { kind: 'invitation'; friendName: string; date: CalendarDate }

export function friendRows(invitations: readonly SentInvitation[], referrals: readonly MadeReferral[]): FriendRow[] {
	const byHash = new Map(invitations.map((invitation) => [invitation.emailHash, invitation]))
	const answered = new Set<string>()
	const rows: FriendRow[] = referrals.map((referral) => {
		const hash = referral.emailHashes.find((candidate) => byHash.has(candidate))
		if (hash) answered.add(hash)
		const friendName = hash ? byHash.get(hash)!.friendName : null
		return { kind: 'referral', referralId: referral.id, friendName, date: referral.referredOn }
	})
	for (const invitation of invitations) {
		if (!answered.has(invitation.emailHash)) {
			rows.push({ kind: 'invitation', friendName: invitation.friendName, date: invitation.sentOn })
		}
	}
	// Newest first; on the same day an invitation before the referral it led to.
	return rows.sort((a, b) => b.date.localeCompare(a.date) || (a.kind === b.kind ? 0 : a.kind === 'invitation' ? -1 : 1))
}
