import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { revalidateAfterStale } from '~/components/household.tsx'
import { ReferralChangePage } from '~/components/referral-change.tsx'
import { householdActionPage, postedForm } from '~/services/household-route.server.ts'
import { changeReferral, referralChangePage } from '~/services/referral-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// Staff detach a referral attached by mistake: it no longer counts, and whatever of its bonus is
// not yet paid becomes void. A bonus paid or being paid stops it (the model says so).
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Detach a referral').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

export async function loader({ request, params }: LoaderFunctionArgs) {
	return referralChangePage(request, params, 'detach')
}

export async function action({ request, params }: ActionFunctionArgs) {
	const page = await householdActionPage(request, params, 'referral')
	return changeReferral(page, await postedForm(request, page, ['reason']), params.referralId, 'detach')
}

export default function DetachReferral() {
	return (
		<ReferralChangePage
			page={useLoaderData<typeof loader>()}
			result={useActionData<typeof action>()}
			title="Detach a referral"
			submitLabel="Detach referral"
			reasonLabel="Why are you detaching this referral?"
		>
			The referral will no longer count, and any of its bonus not yet paid will be made void.
		</ReferralChangePage>
	)
}
