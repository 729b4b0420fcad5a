import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { StaffFormPage } from '~/components/form-page.tsx'
import { Checkboxes, DateInput, SuccessBanner, TextInput } from '~/components/form.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { TableHead } from '~/components/table-head.tsx'
import { REFERRER_KINDS, REFERRER_KIND_LABELS, type BonusRules } from '~/domain/bonus-scheme.ts'
import {
	SCHEME_STATUS_LABELS,
	describeRules,
	readSchemeForm,
	schemeFormValues,
	type SchemeFormValues,
	type SchemeStatus,
} from '~/domain/bonus-scheme-form.ts'
import { dateParts } from '~/domain/date-input.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { formatDate, formatDateTime } from '~/domain/working-days.ts'
import { addScheme, listSchemes } from '~/models/bonus-schemes.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'

// The refer-a-friend bonus scheme: the version in force, any still to come, the history, and a
// form for a new version from today or a later day. A referral earns under the version in force
// on the day it was made, so a new version never changes what earlier referrals were promised.
export const meta: MetaFunction = () =>
	staffPageMeta(undefined, 'Refer-a-friend bonus scheme').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageBonuses })
	const url = new URL(request.url)
	const schemes = await listSchemes(today(), Number(url.searchParams.get('page')) || 1)
	return {
		csrfToken: session.csrfToken,
		saved: url.searchParams.get('saved'),
		today: today(),
		...schemes,
	}
}

type ActionResult = { errors: FieldError[]; values: SchemeFormValues }

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageBonuses })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const read = (name: string) => String(form.get(name) ?? '')
	const parsed = readSchemeForm(
		{
			approvedPounds: read('approvedPounds'),
			placementPounds: read('placementPounds'),
			placementWeeks: read('placementWeeks'),
			welcomePounds: read('welcomePounds'),
			shortBreakPercent: read('shortBreakPercent'),
			contactWindowMonths: read('contactWindowMonths'),
			eligibleReferrerKinds: form.getAll('eligibleReferrerKinds').map(String),
			effectiveFrom: dateParts(form, 'effectiveFrom'),
		},
		today()
	)
	if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	await addScheme({ ...parsed.value, actorId: session.user.id })
	throw redirect(`/staff/settings/referral-scheme?saved=${parsed.value.effectiveFrom}`, 303)
}

const STATUS_TAGS: Record<SchemeStatus, string> = {
	in_force: 'govuk-tag--green',
	scheduled: 'govuk-tag--blue',
	ended: 'govuk-tag--grey',
	replaced: 'govuk-tag--grey',
}

/** A version's rules in words: bullets on their own, a plain small list in the history table. */
function RulesList({ rules, className = 'govuk-list govuk-list--bullet' }: { rules: BonusRules; className?: string }) {
	return (
		<ul className={className}>
			{describeRules(rules, REFERRER_KIND_LABELS).map((line) => (
				<li key={line}>{line}</li>
			))}
		</ul>
	)
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

export default function ReferralScheme() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const { search } = useLocation()
	const errors = result?.errors ?? []
	const values =
		result?.values ?? (page.inForce ? schemeFormValues(page.inForce.rules, { day: '', month: '', year: '' }) : null)
	const saved = page.saved && /^\d{4}-\d{2}-\d{2}$/.test(page.saved) ? page.saved : null
	return (
		<StaffFormPage
			title={['Refer-a-friend bonus scheme', 'Settings']}
			errors={errors}
			back={{ to: '/staff/settings', text: 'Back to settings' }}
		>
			{saved && !result ? (
				<SuccessBanner>
					{saved === page.today
						? 'New scheme saved. It applies to referrals made from today.'
						: `New scheme saved. It applies to referrals made from ${formatDate(saved)}.`}
				</SuccessBanner>
			) : null}
			<h1 className="govuk-heading-l">Refer-a-friend bonus scheme</h1>
			<p className="govuk-body">
				What a carer earns when someone they referred becomes a foster carer. A referral earns under the scheme in force
				on the day it was made, so a new scheme never changes what earlier referrals were promised.
			</p>

			<h2 className="govuk-heading-m">In force today</h2>
			<SchemesInForce inForce={page.inForce} scheduled={page.scheduled} />

			<h2 className="govuk-heading-m">Make a new version</h2>
			<p className="govuk-body">
				The form starts with the scheme in force. Published schemes in England run from £250 + £250 to £1,500 + £1,500.
			</p>
			{values ? <SchemeForm csrfToken={page.csrfToken} values={values} errors={errors} /> : null}

			<h2 className="govuk-heading-m" id="scheme-history">
				History
			</h2>
			<SchemeHistory history={page.history} />
			<Pagination page={page.page} pages={page.pages} search={search} />
		</StaffFormPage>
	)
}

/** The version in force today and any still to come. */
function SchemesInForce({ inForce, scheduled }: Pick<Loaded, 'inForce' | 'scheduled'>) {
	return (
		<>
			{inForce ? (
				<>
					<p className="govuk-body">
						{inForce.effectiveFrom <= '2000-01-01'
							? 'The scheme the service started with.'
							: `Since ${formatDate(inForce.effectiveFrom)}.`}
					</p>
					<RulesList rules={inForce.rules} />
				</>
			) : (
				<p className="govuk-body">No scheme is in force today.</p>
			)}
			{scheduled.map((scheme) => (
				<div className="govuk-inset-text" key={scheme.id}>
					<p className="govuk-body govuk-!-font-weight-bold">From {formatDate(scheme.effectiveFrom)}:</p>
					<RulesList rules={scheme.rules} />
				</div>
			))}
		</>
	)
}

type NumberField = {
	name: Exclude<keyof SchemeFormValues, 'eligibleReferrerKinds' | 'effectiveFrom'>
	label: string
	hint: string
	/** Pounds are typed after a £; whole numbers before their unit. */
	unit: '£' | 'weeks' | '%' | 'months'
}

/** The amounts and their conditions, in the order the form asks for them. */
const AMOUNT_FIELDS: readonly NumberField[] = [
	{
		name: 'approvedPounds',
		label: 'Bonus when the referred household is approved',
		hint: 'Paid to the referrer, in pounds',
		unit: '£',
	},
	{
		name: 'placementPounds',
		label: 'Bonus when their first placement has lasted the qualifying weeks',
		hint: 'Paid to the referrer, in pounds. Staff record placements on the carer’s record.',
		unit: '£',
	},
	{
		name: 'placementWeeks',
		label: 'Qualifying weeks',
		hint: 'How long the first placement must last, from 1 to 104 weeks',
		unit: 'weeks',
	},
	{
		name: 'welcomePounds',
		label: 'Welcome bonus for the new carers',
		hint: 'Paid to the new carers when they are approved, in pounds. Enter 0 for no welcome bonus.',
		unit: '£',
	},
	{
		name: 'shortBreakPercent',
		label: 'Share paid for short-break carers',
		hint: 'When the new carers are approved for short breaks only, each amount is this share of the full amount. Enter 100 to pay the full amounts.',
		unit: '%',
	},
]

const CONTACT_WINDOW_FIELD: NumberField = {
	name: 'contactWindowMonths',
	label: 'Contact window',
	hint: 'A household in contact with the service this many months before the referral earns no bonus, from 0 to 60',
	unit: 'months',
}

type FieldsProps = { values: SchemeFormValues; errors: readonly FieldError[] }

function NumberInput({ field, values, errors }: FieldsProps & { field: NumberField }) {
	const pounds = field.unit === '£'
	return (
		<TextInput
			name={field.name}
			label={field.label}
			hint={field.hint}
			prefix={pounds ? '£' : undefined}
			suffix={pounds ? undefined : field.unit}
			inputMode={pounds ? undefined : 'numeric'}
			spellCheck={false}
			widthClass={pounds ? 'govuk-input--width-5' : 'govuk-input--width-3'}
			defaultValue={values[field.name]}
			error={errorFor(errors, field.name)}
		/>
	)
}

function SchemeForm({ csrfToken, values, errors }: FieldsProps & { csrfToken: string }) {
	return (
		<Form method="post" noValidate>
			<CsrfField token={csrfToken} />
			{AMOUNT_FIELDS.map((field) => (
				<NumberInput key={field.name} field={field} values={values} errors={errors} />
			))}
			<Checkboxes
				name="eligibleReferrerKinds"
				legend="Who can earn a bonus"
				hint="Select all that apply"
				error={errorFor(errors, 'eligibleReferrerKinds')}
				choices={REFERRER_KINDS.map((kind) => ({ value: kind, label: REFERRER_KIND_LABELS[kind] }))}
				selected={values.eligibleReferrerKinds}
			/>
			<NumberInput field={CONTACT_WINDOW_FIELD} values={values} errors={errors} />
			<DateInput
				name="effectiveFrom"
				legend="Date the scheme starts"
				hint="Today or a later day, for example 1 4 2027. Referrals made from that day earn under this scheme."
				error={errorFor(errors, 'effectiveFrom')}
				defaultValue={values.effectiveFrom}
			/>
			<button type="submit" className="govuk-button" data-module="govuk-button">
				Save new scheme
			</button>
		</Form>
	)
}

function SchemeHistory({ history }: { history: Loaded['history'] }) {
	return (
		<ScrollingTable
			caption="Versions of the scheme, latest start first"
			captionSize="hidden"
			labelledBy="scheme-history"
		>
			<TableHead columns={['For referrals made', 'Scheme', 'Made by']} />
			<tbody className="govuk-table__body">
				{history.map((scheme) => (
					<tr className="govuk-table__row" key={scheme.id}>
						<td className="govuk-table__cell">
							{scheme.effectiveFrom <= '2000-01-01' ? 'From the start' : `From ${formatDate(scheme.effectiveFrom)}`}
							<br />
							<strong className={`govuk-tag ${STATUS_TAGS[scheme.status]}`}>
								{SCHEME_STATUS_LABELS[scheme.status]}
							</strong>
						</td>
						<td className="govuk-table__cell">
							<RulesList rules={scheme.rules} className="govuk-list govuk-!-font-size-16" />
						</td>
						<td className="govuk-table__cell">
							{scheme.createdBy
								? `${scheme.createdBy}, ${formatDateTime(scheme.createdAt)}`
								: 'The service’s first scheme'}
						</td>
					</tr>
				))}
			</tbody>
		</ScrollingTable>
	)
}
