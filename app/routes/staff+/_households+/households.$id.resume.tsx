import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { DatedFields, HouseholdActionPage, revalidateAfterStale } from '~/components/household.tsx'
import { readDated, readVersion } from '~/domain/household-forms.ts'
import { formatDate } from '~/domain/working-days.ts'
import { runStageCommand } from '~/models/households.server.ts'
import {
	backToRecord,
	householdActionPage,
	invalid,
	postedForm,
	refused,
	typed,
} from '~/services/household-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// Take a household off hold: it carries on at the stage it was at.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Resume').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

export async function loader({ request, params }: LoaderFunctionArgs) {
	const page = await householdActionPage(request, params, 'resume')
	return page.view
}

export async function action({ request, params }: ActionFunctionArgs) {
	const page = await householdActionPage(request, params, 'resume')
	const form = await postedForm(request, page.session)
	const answers = typed(form, ['backdateReason', 'note'], ['businessDate'])
	const dated = readDated(form, 'The date they resumed')
	if (!dated.ok) return invalid(dated.errors, answers)
	const result = await runStageCommand({
		householdId: page.household.id,
		expectedVersion: readVersion(form) ?? 0,
		actor: page.session.user,
		command: { type: 'resume', ...dated.value },
		audit: `Resumed after a hold, dated ${formatDate(dated.value.businessDate)}`,
	})
	if (!result.ok) return refused(result, answers)
	return backToRecord(page.household.id, 'resumed')
}

export default function Resume() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<HouseholdActionPage
			title="Resume after a hold"
			household={page.household}
			stageNames={page.stageNames}
			errors={errors}
			csrfToken={page.csrfToken}
			submitLabel="Resume"
			blocked={page.blocked}
		>
			<DatedFields dateLegend="Date they resumed" today={page.today} errors={errors} answers={result} />
		</HouseholdActionPage>
	)
}
