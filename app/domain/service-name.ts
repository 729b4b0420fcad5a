// How sentences name the service after the verb "foster": a service called "Foster with Northdale"
// or "Fostering in Kent" already says it, so "foster with Foster with Northdale" becomes "foster
// with Northdale". Any name that starts with "Foster" or "Fostering" and then a preposition is
// read this way, not one service's name; other names follow "foster with" as they are.

const NAME_SAYS_IT = /^(?:foster|fostering)\s+(with|for|in|at|across|through)\s+(\S.*)$/i

/**
 * "foster with Northdale County Council"; "foster with Northdale" for "Foster with Northdale";
 * "fostering in Kent" for "Fostering in Kent" with the form "fostering".
 */
export function fosterWith(serviceName: string, form: 'foster' | 'fosters' | 'fostering' = 'foster'): string {
	const name = serviceName.trim()
	const says = NAME_SAYS_IT.exec(name)
	return says ? `${form} ${says[1]!.toLowerCase()} ${says[2]}` : `${form} with ${name}`
}
