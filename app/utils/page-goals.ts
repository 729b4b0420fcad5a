// Analytics goals written into a page's HTML, for pages that React does not hydrate (ADR 026): the
// server marks an element with the goal's name and properties, and the public site's script
// (app/entry.public.ts) sends each one it finds. The attribute names are the contract between the two.

const GOAL_ATTRIBUTE = 'data-plausible-goal'
const PROP_PREFIX = 'data-plausible-prop-'

export type PageGoal = { name: string; props: Record<string, string> }

/** The attributes that mark an element with a goal, e.g. data-plausible-prop-channel="search". */
export function goalAttributes({ name, props }: PageGoal): Record<string, string> {
	const attributes: Record<string, string> = { [GOAL_ATTRIBUTE]: name }
	for (const [key, value] of Object.entries(props)) attributes[`${PROP_PREFIX}${key}`] = value
	return attributes
}

/** The goals marked on the elements under `root`, in page order. */
export function readPageGoals(root: ParentNode): PageGoal[] {
	return Array.from(root.querySelectorAll(`[${GOAL_ATTRIBUTE}]`), (element) => {
		const props: Record<string, string> = {}
		for (const { name, value } of Array.from(element.attributes)) {
			if (name.startsWith(PROP_PREFIX)) props[name.slice(PROP_PREFIX.length)] = value
		}
		return { name: element.getAttribute(GOAL_ATTRIBUTE) ?? '', props }
	})
}
