import { referralsOfHousehold } from '~/models/carer-records.server.ts'

/** The household's referral the URL names, as its record shows it; 404 if it is not this household's. */
export async function referralOfHousehold(householdId: string, referralId: string | undefined) {
	const referral = (await referralsOfHousehold(householdId)).find((one) => one.id === referralId)
	if (!referral) throw new Response('Referral not found', { status: 404 })
	return referral
}
