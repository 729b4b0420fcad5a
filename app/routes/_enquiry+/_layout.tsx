// The enquiry journey (the form, its confirmation and a referrer's link to it): plain HTML without
// React's scripts, like the rest of the public site (ADR 026). The layout only says so; every page
// in this folder renders inside it, so a new one is light by itself.
import { Outlet } from '@remix-run/react'
import { STATIC_PAGE } from '~/utils/hydration.ts'

export const handle = STATIC_PAGE

export default function EnquiryJourney() {
	return <Outlet />
}
