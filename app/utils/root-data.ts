import { useRouteLoaderData } from '@remix-run/react'
import type { ServiceConfig } from '~/domain/service-config.ts'

// What the root loader (app/root.tsx) gives every page. The shape is written here rather than read
// from the loader's type, so this file does not import root.tsx, which imports the components
// that use it (a cycle, issue 13); root.tsx's loader is declared to return it, so they cannot drift.

export type RootData = {
	site: Pick<
		ServiceConfig,
		'serviceName' | 'organisationName' | 'phone' | 'phoneHours' | 'publicEmail' | 'privacyNoticeUrl'
	> & { origin: string }
	/** The attribution query string that travels in our own links (docs/decisions/004). */
	carry: string
	plausibleDomain: string | null
}

/** The root loader's data (site details, attribution carry-over) from any component. */
export function useRootData() {
	return useRouteLoaderData<RootData>('root')
}

/** The site details from the root match, for `meta` functions. */
export function siteFromMatches(matches: readonly { id: string; data: unknown }[]) {
	return (matches.find((match) => match.id === 'root')?.data as RootData | undefined)?.site
}
