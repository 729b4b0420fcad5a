import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { StaffFormPage } from '~/components/form-page.tsx'
import { DateInput, SuccessBanner, TextInput } from '~/components/form.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { ACTION_COLUMN, TableHead } from '~/components/table-head.tsx'
import { dateParts, readDateInput, type DateParts } from '~/domain/date-input.ts'
import { CLOSURE_LABEL_MAX, alreadyNotWorking, readClosureForm } from '~/domain/response-time-settings.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { formatLongDate, isCalendarDate } from '~/domain/working-days.ts'
import { addClosure, closureDates, listClosures, removeClosure } from '~/models/response-time-settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'

// The service's closure days: days besides weekends and bank holidays that no clock counts. Adding
// or removing one moves the deadlines of every household whose clock runs over it, at once.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Closure days').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

function withoutParams(search: string, names: string[]) {
	const params = new URLSearchParams(search)
	for (const name of names) params.delete(name)
	return params.toString()
}

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	const url = new URL(request.url)
	const list = await listClosures(Number(url.searchParams.get('page')) || 1)
	const added = url.searchParams.get('added')
	const removed = url.searchParams.get('removed')
	const valid = (date: string | null) => (date && isCalendarDate(date) ? date : null)
	return {
		csrfToken: session.csrfToken,
		today: today(),
		...list,
		added: valid(added),
		removed: valid(removed),
		// Page links leave the banner of the last change behind.
		search: withoutParams(url.search, ['added', 'removed']),
	}
}

type ActionResult = {
	errors: FieldError[]
	date: DateParts
	label: string
}

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	if (form.get('intent') === 'remove') {
		const date = String(form.get('date') ?? '')
		if (!isCalendarDate(date)) throw new Response('Not a date', { status: 400 })
		await removeClosure(date)
		throw redirect(`/staff/settings/response-times/closure-days?removed=${date}`, 303)
	}
	const parts = dateParts(form, 'date')
	const label = String(form.get('label') ?? '')
	const parsed = readClosureForm({ date: readDateInput(parts, 'The date'), label, existing: await closureDates() })
	if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, date: parts, label }, { status: 400 })
	if (!(await addClosure(parsed.value, session.user.id))) {
		return data<ActionResult>(
			{ errors: [{ field: 'date', message: 'That day is already a closure day' }], date: parts, label },
			{ status: 409 }
		)
	}
	throw redirect(`/staff/settings/response-times/closure-days?added=${parsed.value.date}`, 303)
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

export default function ClosureDays() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<StaffFormPage
			title={['Closure days', 'Settings']}
			errors={errors}
			back={{ to: '/staff/settings/response-times', text: 'Back to response-time targets' }}
		>
			{result ? null : <LastChange added={page.added} removed={page.removed} />}
			<h1 className="govuk-heading-l">Closure days</h1>
			<p className="govuk-body">
				Days the service is closed besides weekends and bank holidays in England and Wales. No response-time clock
				counts them, so a deadline over a closure day moves on by a day. Adding or removing one changes the deadlines of
				households straight away.
			</p>

			<h2 className="govuk-heading-m">Add a closure day</h2>
			<AddClosureForm csrfToken={page.csrfToken} result={result} />

			<h2 className="govuk-heading-m" id="closure-days">
				The service’s closure days
			</h2>
			{page.closures.length === 0 ? (
				<p className="govuk-body">There are no closure days.</p>
			) : (
				<>
					<ClosureTable page={page} />
					<Pagination page={page.page} pages={page.pages} search={page.search} />
				</>
			)}
		</StaffFormPage>
	)
}

/** The banner of the day just added or removed. */
function LastChange({ added, removed }: { added: string | null; removed: string | null }) {
	const notWorking = added ? alreadyNotWorking(added) : null
	return (
		<>
			{added ? (
				<SuccessBanner>
					{formatLongDate(added)} added as a closure day.
					{notWorking ? ` It is ${notWorking}, so it already was not a working day: no deadline moves.` : ''}
				</SuccessBanner>
			) : null}
			{removed ? <SuccessBanner>{formatLongDate(removed)} is a working day again.</SuccessBanner> : null}
		</>
	)
}

function AddClosureForm({ csrfToken, result }: { csrfToken: string; result: ActionResult | undefined }) {
	const errors = result?.errors ?? []
	return (
		<Form method="post" noValidate>
			<CsrfField token={csrfToken} />
			<input type="hidden" name="intent" value="add" />
			<DateInput
				name="date"
				legend="Date"
				hint="For example, 29 12 2026"
				defaultValue={result?.date}
				error={errorFor(errors, 'date')}
			/>
			<TextInput
				name="label"
				label="Why the service is closed"
				hint="For example, ‘Closed between Christmas and New Year’"
				maxLength={CLOSURE_LABEL_MAX}
				defaultValue={result?.label}
				error={errorFor(errors, 'label')}
			/>
			<button type="submit" className="govuk-button" data-module="govuk-button">
				Add closure day
			</button>
		</Form>
	)
}

function ClosureTable({ page }: { page: Pick<Loaded, 'closures' | 'today' | 'csrfToken'> }) {
	return (
		<ScrollingTable caption="Closure days, latest first" captionSize="hidden" labelledBy="closure-days">
			<TableHead columns={['Day', 'Reason', ACTION_COLUMN]} />
			<tbody className="govuk-table__body">
				{page.closures.map((closure) => (
					<tr className="govuk-table__row" key={closure.date}>
						<td className="govuk-table__cell">
							{formatLongDate(closure.date)}
							{closure.date < page.today ? (
								<>
									{' '}
									<strong className="govuk-tag govuk-tag--grey">Past</strong>
								</>
							) : null}
						</td>
						<td className="govuk-table__cell">{closure.label}</td>
						<td className="govuk-table__cell">
							<RemoveClosureForm csrfToken={page.csrfToken} date={closure.date} />
						</td>
					</tr>
				))}
			</tbody>
		</ScrollingTable>
	)
}

function RemoveClosureForm({ csrfToken, date }: { csrfToken: string; date: string }) {
	return (
		<Form method="post">
			<CsrfField token={csrfToken} />
			<input type="hidden" name="intent" value="remove" />
			<input type="hidden" name="date" value={date} />
			<button
				type="submit"
				className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
				data-module="govuk-button"
			>
				Remove<span className="govuk-visually-hidden"> {formatLongDate(date)}</span>
			</button>
		</Form>
	)
}
