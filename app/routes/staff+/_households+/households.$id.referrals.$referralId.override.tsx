import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { revalidateAfterStale } from '~/components/household.tsx'
import { ReferralChangePage } from '~/components/referral-change.tsx'
import { householdActionPage, postedForm } from '~/services/household-route.server.ts'
import { changeReferral, referralChangePage } from '~/services/referral-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// Staff count a referral the rules turned down (another referrer came first, or the household's
// earlier contact does not matter), with a reason. The referral that counted before is detached.
export const meta: MetaFunction = () =>
	staffPageMeta(undefined, 'Count this referral').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

export async function loader({ request, params }: LoaderFunctionArgs) {
	return referralChangePage(request, params, 'override')
}

export async function action({ request, params }: ActionFunctionArgs) {
	const page = await householdActionPage(request, params, 'referral')
	return changeReferral(page, await postedForm(request, page, ['reason']), params.referralId, 'override')
}

export default function OverrideReferral() {
	return (
		<ReferralChangePage
			page={useLoaderData<typeof loader>()}
			result={useActionData<typeof action>()}
			title="Count this referral"
			submitLabel="Count this referral"
			reasonLabel="Why should this referral count?"
		>
			This referral will count for a bonus instead of the rules’ decision. If another referral of this household counts
			now, it will be detached and its unpaid bonus made void.
		</ReferralChangePage>
	)
}
