import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Textarea } from '~/components/form.tsx'
import { HouseholdActionPage, revalidateAfterStale } from '~/components/household.tsx'
import { readNote } from '~/domain/household-forms.ts'
import { addNote } from '~/models/household-actions.server.ts'
import { backToRecord, householdActionPage, invalid, postedForm, refused } from '~/services/household-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { errorFor } from '~/domain/field-errors.ts'

export const meta: MetaFunction = () => staffPageMeta(undefined, 'Add a note').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

export async function loader({ request, params }: LoaderFunctionArgs) {
	const page = await householdActionPage(request, params, 'note')
	return page.view
}

export async function action({ request, params }: ActionFunctionArgs) {
	const page = await householdActionPage(request, params, 'note')
	const { form, answers, change } = await postedForm(request, page, ['body'])
	const note = readNote(form)
	if (!note.ok) return invalid(note.errors, answers)
	const result = await addNote({ ...change, body: note.value.body })
	if (!result.ok) return refused(result, answers)
	return backToRecord(page.household.id, 'note')
}

export default function AddNote() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<HouseholdActionPage title="Add a note" view={page} errors={errors} submitLabel="Save note">
			<Textarea
				name="body"
				label="Note"
				hint="Facts about the household and what was agreed. They can ask to see what we record about them."
				rows={6}
				defaultValue={result?.values?.body}
				error={errorFor(errors, 'body')}
			/>
		</HouseholdActionPage>
	)
}
