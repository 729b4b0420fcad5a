import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { StaffFormPage } from '~/components/form-page.tsx'
import { Checkboxes, SuccessBanner, TextInput } from '~/components/form.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { TableHead } from '~/components/table-head.tsx'
import { REMINDER_KINDS } from '~/domain/reminders.ts'
import { STATUTORY_PANEL_MONTHS } from '~/domain/response-clocks.ts'
import {
	AT_RISK_PERCENT_RANGE,
	TARGET_FIELDS,
	readClockSettingsForm,
	readTargetsForm,
	targetPhrase,
} from '~/domain/response-time-settings.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { formatDate, formatDateTime } from '~/domain/working-days.ts'
import {
	listClosures,
	saveClockSettings,
	saveClockTargets,
	targetHistory,
} from '~/models/response-time-settings.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'

// The response-time targets, the at-risk point and reminder switches, a way to the closure days,
// and the history of target changes. A new target applies to clocks started from the day it is
// saved; running clocks keep the one they started with (ServiceConfig + TargetSetting history).
export const meta: MetaFunction = () =>
	staffPageMeta(undefined, 'Response-time targets').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

const DONE = {
	targets: 'Targets saved. They apply to clocks started from today.',
	unchanged: 'The targets were already set to those values: nothing changed.',
	reminders: 'At-risk point and reminders saved',
} as const

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	const url = new URL(request.url)
	const done = url.searchParams.get('done')
	const [config, history, closures] = await Promise.all([
		getServiceConfig(),
		targetHistory(Number(url.searchParams.get('page')) || 1),
		listClosures(),
	])
	return {
		csrfToken: session.csrfToken,
		done: done && done in DONE ? DONE[done as keyof typeof DONE] : null,
		targets: config.targets,
		clocks: config.clocks,
		history,
		closureCount: closures.total,
		search: url.searchParams.has('page') ? `page=${url.searchParams.get('page')}` : '',
	}
}

type ActionResult = {
	form: 'targets' | 'reminders'
	errors: FieldError[]
	values: Record<string, string>
}

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const intent = String(form.get('intent') ?? '')
	if (intent === 'targets') {
		const parsed = readTargetsForm((field) => String(form.get(field) ?? ''))
		if (!parsed.ok) {
			return data<ActionResult>({ form: 'targets', errors: parsed.errors, values: parsed.values }, { status: 400 })
		}
		const changed = await saveClockTargets(parsed.value, session.user.id)
		throw redirect(`/staff/settings/response-times?done=${changed ? 'targets' : 'unchanged'}`, 303)
	}
	if (intent === 'reminders') {
		const parsed = readClockSettingsForm({
			atRiskPercent: String(form.get('atRiskPercent') ?? ''),
			reminders: form.getAll('reminders').map(String),
		})
		if (!parsed.ok) {
			return data<ActionResult>({ form: 'reminders', errors: parsed.errors, values: parsed.values }, { status: 400 })
		}
		await saveClockSettings(parsed.value)
		throw redirect('/staff/settings/response-times?done=reminders', 303)
	}
	throw new Response('Unknown action', { status: 400 })
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
/** What a field shows: the answer just refused on its own form, or else the saved value. */
type Typed = (form: ActionResult['form'], field: string, saved: string) => string

export default function ResponseTimes() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	const typed: Typed = (form, field, saved) => (result?.form === form ? (result.values[field] ?? '') : saved)
	return (
		<StaffFormPage
			title={['Response-time targets', 'Settings']}
			errors={errors}
			back={{ to: '/staff/settings', text: 'Back to settings' }}
		>
			{page.done && !result ? <SuccessBanner>{page.done}</SuccessBanner> : null}
			<h1 className="govuk-heading-l">Response-time targets</h1>
			<p className="govuk-body">
				How quickly the service promises to act at each step. Each household’s clocks count working days in England and
				Wales, leaving out weekends, bank holidays, the service’s closure days and any time on hold.
			</p>

			<h2 className="govuk-heading-m">Targets</h2>
			<div className="govuk-inset-text">
				A change applies to clocks started from today; clocks already running keep the target they started with.
			</div>
			<TargetsForm page={page} errors={errors} typed={typed} />

			<h2 className="govuk-heading-m">At risk and reminders</h2>
			<RemindersForm page={page} errors={errors} typed={typed} />

			<h2 className="govuk-heading-m">Closure days</h2>
			<ClosureDaysSummary count={page.closureCount} />

			<h2 className="govuk-heading-m" id="target-changes">
				Changes to the targets
			</h2>
			{page.history.entries.length === 0 ? (
				<p className="govuk-body">The targets have not been changed since the service started using them.</p>
			) : (
				<>
					<TargetHistory entries={page.history.entries} />
					<Pagination page={page.history.page} pages={page.history.pages} search={page.search} />
				</>
			)}
		</StaffFormPage>
	)
}

type FormProps = { page: Loaded; errors: readonly FieldError[]; typed: Typed }

function targetHint(unit: (typeof TARGET_FIELDS)[number]['unit']) {
	return unit === 'months'
		? `In months. The law allows at most ${STATUTORY_PANEL_MONTHS} months (Fostering National Minimum Standard 14.4); this is the service’s own target within it.`
		: 'In working days'
}

function TargetsForm({ page, errors, typed }: FormProps) {
	return (
		<Form method="post" noValidate>
			<CsrfField token={page.csrfToken} />
			<input type="hidden" name="intent" value="targets" />
			{TARGET_FIELDS.map((field) => (
				<TextInput
					key={field.key}
					name={field.key}
					label={field.label}
					hint={targetHint(field.unit)}
					suffix={field.unit}
					inputMode="numeric"
					spellCheck={false}
					widthClass="govuk-input--width-3"
					defaultValue={typed('targets', field.key, String(page.targets[field.key]))}
					error={errorFor(errors, field.key)}
				/>
			))}
			<button type="submit" className="govuk-button" data-module="govuk-button">
				Save targets
			</button>
		</Form>
	)
}

function RemindersForm({ page, errors, typed }: FormProps) {
	return (
		<Form method="post" noValidate>
			<CsrfField token={page.csrfToken} />
			<input type="hidden" name="intent" value="reminders" />
			<TextInput
				name="atRiskPercent"
				label="When a clock is at risk"
				hint={`The share of its target gone before a running clock shows as at risk, as a whole percentage from ${AT_RISK_PERCENT_RANGE.min} to ${AT_RISK_PERCENT_RANGE.max}. Changing it changes every running clock.`}
				suffix="%"
				inputMode="numeric"
				spellCheck={false}
				widthClass="govuk-input--width-3"
				defaultValue={typed('reminders', 'atRiskPercent', String(page.clocks.atRiskPercent))}
				error={errorFor(errors, 'atRiskPercent')}
			/>
			<Checkboxes
				name="reminders"
				legend="Reminders"
				hint="Reminders go by email, once for each clock. Untick a kind to stop sending it."
				error={errorFor(errors, 'reminders')}
				choices={REMINDER_KINDS.map((kind) => ({ value: kind.key, label: kind.label, hint: kind.hint }))}
				selected={REMINDER_KINDS.filter((kind) => page.clocks[kind.key]).map((kind) => kind.key)}
			/>
			<button type="submit" className="govuk-button" data-module="govuk-button">
				Save reminders
			</button>
		</Form>
	)
}

function ClosureDaysSummary({ count }: { count: number }) {
	return (
		<>
			<p className="govuk-body">
				Days the service is closed besides weekends and bank holidays, such as between Christmas and New Year. They do
				not count as working days on any clock.{' '}
				{count === 0
					? 'There are none yet.'
					: `There ${count === 1 ? 'is 1 closure day' : `are ${count} closure days`}.`}
			</p>
			<p className="govuk-body">
				<Link to="/staff/settings/response-times/closure-days" className="govuk-link">
					Add or remove closure days
				</Link>
			</p>
		</>
	)
}

function TargetHistory({ entries }: { entries: Loaded['history']['entries'] }) {
	return (
		<ScrollingTable caption="Changes to the targets, latest first" captionSize="hidden" labelledBy="target-changes">
			<TableHead columns={['For clocks started', 'Changed', 'Targets']} />
			<tbody className="govuk-table__body">
				{entries.map((entry) => (
					<tr className="govuk-table__row" key={entry.id}>
						<td className="govuk-table__cell">
							{entry.original ? 'Before the first change' : `From ${formatDate(entry.appliesFrom)}`}
						</td>
						<td className="govuk-table__cell">
							{entry.original
								? 'The targets in use before'
								: `${entry.changedBy ?? 'Unknown'}, ${formatDateTime(entry.effectiveFrom)}`}
						</td>
						<td className="govuk-table__cell">
							<ul className="govuk-list govuk-!-font-size-16">
								{TARGET_FIELDS.map((field) => (
									<li key={field.key}>
										{field.label}: {targetPhrase(field, entry.targets)}
									</li>
								))}
							</ul>
						</td>
					</tr>
				))}
			</tbody>
		</ScrollingTable>
	)
}
