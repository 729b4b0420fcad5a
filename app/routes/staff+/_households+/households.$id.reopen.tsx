import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { DatedFields, HouseholdActionPage, revalidateAfterStale } from '~/components/household.tsx'
import { readDated } from '~/domain/household-forms.ts'
import { formatDate } from '~/domain/working-days.ts'
import { runStageCommand } from '~/models/households.server.ts'
import { backToRecord, householdActionPage, invalid, postedForm, refused } from '~/services/household-route.server.ts'
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
	const { form, answers, change } = await postedForm(request, page, ['backdateReason', 'note'], ['businessDate'])
	const dated = readDated(form, 'The date it was reopened')
	if (!dated.ok) return invalid(dated.errors, answers)
	const result = await runStageCommand({
		...change,
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
		<HouseholdActionPage title="Reopen the household" view={page} errors={errors} submitLabel="Reopen">
			<p className="govuk-body">It goes back to {page.stageNames[page.household.stage]}, the stage it left from.</p>
			<DatedFields dateLegend="Date it was reopened" today={page.today} errors={errors} answers={result} />
		</HouseholdActionPage>
	)
}
