// Checkbox groups, read the same way everywhere: a value sent more than once (a doubled-up or
// crafted form) counts once, and a value the page never offered is the group's GOV.UK error, not
// something to store or to drop without a word.

/** The values sent for one checkbox group: text only, trimmed, blanks left out, each once, in the order first sent. */
export function readChoices(values: readonly unknown[]): string[] {
	const chosen = values.flatMap((value) => (typeof value === 'string' && value.trim() !== '' ? [value.trim()] : []))
	return [...new Set(chosen)]
}

/** Whether every chosen value is one the group offers. */
export function onlyOffered<Offered extends string>(
	chosen: readonly string[],
	offered: readonly Offered[]
): chosen is readonly Offered[] {
	return chosen.every((value) => (offered as readonly string[]).includes(value))
}
