// The public site's pages: plain HTML without React's scripts (ADR 026). The layout only says so;
// every page in this folder renders inside it, so a new page is light by itself.
import { Outlet } from '@remix-run/react'
import { STATIC_PAGE } from '~/utils/hydration.ts'

export const handle = STATIC_PAGE

export default function PublicSite() {
	return <Outlet />
}
