// A complete, valid enquiry as the form posts it, for tests and the benchmark to vary.
export function validEnquiryFields(overrides: Record<string, string | string[]> = {}): [string, string][] {
	const fields: Record<string, string | string[]> = {
		submissionKey: crypto.randomUUID(),
		firstName: 'Priya',
		lastName: 'Sharma',
		email: `priya.${crypto.randomUUID().slice(0, 8)}@example.com`,
		phone: '07700 900123',
		postcode: 'NE1 4ST',
		bestTimeToCall: 'evening',
		spareBedroom: 'yes',
		householdMembers: 'Me, my husband and our daughter (14)',
		kinship: 'no',
		fosteringInterests: ['teenagers', 'sibling_groups'],
		howHeard: 'search_engine',
		referralCode: '',
		consent: 'yes',
		website: '',
		...overrides,
	}
	return Object.entries(fields).flatMap(([name, value]) =>
		Array.isArray(value) ? value.map((item): [string, string] => [name, item]) : [[name, value]],
	)
}
