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

// A manager reopens a closed household: it goes back to the stage it left from.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Reopen').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

export async function loader({ request, params }: LoaderFunctionArgs) {
	const page = await householdActionPage(request, params, 'reopen')
	return page.view
}

export async function action({ request, params }: ActionFunctionArgs) {
	const page = await householdActionPage(request, params, 'reopen')
	const form = await postedForm(request, page.session)
	const answers = typed(form, ['backdateReason', 'note'], ['businessDate'])
	const dated = readDated(form, 'The date it was reopened')
	if (!dated.ok) return invalid(dated.errors, answers)
	const result = await runStageCommand({
		householdId: page.household.id,
		expectedVersion: readVersion(form) ?? 0,
		actor: page.session.user,
		command: { type: 'reopen', ...dated.value },
		audit: `Reopened at ${page.stageNames[page.household.stage]}, dated ${formatDate(dated.value.businessDate)}`,
	})
	if (!result.ok) return refused(result, answers)
	return backToRecord(page.household.id, 'reopened')
}

export default function Reopen() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<HouseholdActionPage
			title="Reopen the household"
			household={page.household}
			stageNames={page.stageNames}
			errors={errors}
			csrfToken={page.csrfToken}
			submitLabel="Reopen"
			blocked={page.blocked}
		>
			<p className="govuk-body">It goes back to {page.stageNames[page.household.stage]}, the stage it left from.</p>
			<DatedFields dateLegend="Date it was reopened" today={page.today} errors={errors} answers={result} />
		</HouseholdActionPage>
	)
}
