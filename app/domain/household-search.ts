// How staff find a household: by name, email, phone, postcode or reference, typed as they come.
// Each household keeps one lower-cased search text (Household.searchText) built here whenever its
// applicants, postcode or enquiries change; a search is a substring match against it. Phone
// numbers are kept as digits with +44 written as 0, and postcodes with and without their space, so
// "07700 900123", "+44 7700 900123" and "ls1 4ap" all find what staff expect.

export type SearchableHousehold = {
	reference: string
	postcode: string
	applicants: readonly { firstName: string; lastName: string; email: string; phone: string }[]
	enquiryReferences: readonly string[]
}

/** Digits only, with the UK country code written as a leading 0. */
export function phoneDigits(phone: string): string {
	const trimmed = phone.trim()
	if (!trimmed.startsWith('+44')) return trimmed.replace(/\D/g, '')
	// "+44 (0)7700 900123": the (0) is the trunk prefix written for callers inside the UK.
	return `0${trimmed.slice(3).replace('(0)', '').replace(/\D/g, '')}`
}

export function householdSearchText(household: SearchableHousehold): string {
	const postcode = household.postcode.trim()
	const parts = [household.reference, postcode, postcode.replace(/\s+/g, '')]
	for (const applicant of household.applicants) {
		parts.push(`${applicant.firstName} ${applicant.lastName}`, applicant.email.trim(), phoneDigits(applicant.phone))
	}
	parts.push(...household.enquiryReferences)
	return parts.join(' ').toLowerCase()
}

/**
 * What to look for in the search text, or null for a search too short to be useful. A query that
 * looks like a phone number is reduced to its digits, so spaces and +44 do not matter.
 */
export function searchTerm(query: string): string | null {
	const trimmed = query.trim().replace(/\s+/g, ' ').toLowerCase()
	if (trimmed.length < 2) return null
	if (/^\+?[\d\s()-]{6,}$/.test(trimmed)) return phoneDigits(trimmed)
	return trimmed
}

/**
 * The household's name as staff see it: "Priya Shah", "Priya and Tom Shah" when the applicants
 * share a surname, "Priya Shah and Tom Reed" when not.
 */
export function householdDisplayName(applicants: readonly { firstName: string; lastName: string }[]): string {
	const [first, second] = applicants
	if (!first) return ''
	if (!second) return `${first.firstName} ${first.lastName}`
	if (first.lastName.toLowerCase() === second.lastName.toLowerCase())
		return `${first.firstName} and ${second.firstName} ${first.lastName}`
	return `${first.firstName} ${first.lastName} and ${second.firstName} ${second.lastName}`
}
