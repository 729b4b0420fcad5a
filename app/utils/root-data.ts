import { useRouteLoaderData } from '@remix-run/react'
import type { loader } from '~/root.tsx'

export type RootData = Awaited<ReturnType<typeof loader>>

/** The root loader's data (site details, attribution carry-over) from any component. */
export function useRootData() {
	return useRouteLoaderData<typeof loader>('root')
}

/** The site details from the root match, for `meta` functions. */
export function siteFromMatches(matches: readonly { id: string; data: unknown }[]) {
	return (matches.find((match) => match.id === 'root')?.data as RootData | undefined)?.site
}
