// A complete, valid enquiry as the form posts it, for tests and the benchmark to vary.

// Each call is a different person unless a test says otherwise: enquiries with the same phone, or
// the same last name and postcode, are possible matches of each other (docs/decisions/016).
let people = 0
const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'

export function validEnquiryFields(overrides: Record<string, string | string[]> = {}): [string, string][] {
	const n = people++
	const fields: Record<string, string | string[]> = {
		submissionKey: crypto.randomUUID(),
		firstName: 'Priya',
		lastName: 'Sharma',
		email: `priya.${crypto.randomUUID().slice(0, 8)}@example.com`,
		// Ofcom's numbers for drama (01632 960000 to 960999), one per call.
		phone: `01632 ${960000 + (n % 1000)}`,
		postcode: `NE1 ${1 + (n % 9)}${LETTERS[Math.floor(n / 9) % 20]}${LETTERS[Math.floor(n / 180) % 20]}`,
		bestTimeToCall: 'evening',
		spareBedroom: 'yes',
		householdMembers: 'Me, my husband and our daughter (14)',
		kinship: 'no',
		fosteringInterests: ['teenagers', 'sibling_groups'],
		howHeard: 'search_engine',
		referralCode: '',
		consent: 'yes',
		// The spam trap, empty as a person leaves it.
		extra_comments: '',
		...overrides,
	}
	return Object.entries(fields).flatMap(([name, value]) =>
		Array.isArray(value) ? value.map((item): [string, string] => [name, item]) : [[name, value]]
	)
}
