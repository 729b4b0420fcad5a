import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { FormPage } from '~/components/form-page.tsx'
import { Checkboxes, DateInput, SuccessBanner, TextInput } from '~/components/form.tsx'
import { Pagination } from '~/components/pagination.tsx'
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
import { useRootData } from '~/utils/root-data.ts'
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

function RulesList({ rules }: { rules: BonusRules }) {
	return (
		<ul className="govuk-list govuk-list--bullet">
			{describeRules(rules, REFERRER_KIND_LABELS).map((line) => (
				<li key={line}>{line}</li>
			))}
		</ul>
	)
}

// eslint-disable-next-line max-lines-per-function -- TODO(issue 13): the scheme's history and the whole scheme form in one component; split them
export default function ReferralScheme() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const { search } = useLocation()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	const errors = result?.errors ?? []
	const values =
		result?.values ?? (page.inForce ? schemeFormValues(page.inForce.rules, { day: '', month: '', year: '' }) : null)
	const saved = page.saved && /^\d{4}-\d{2}-\d{2}$/.test(page.saved) ? page.saved : null
	return (
		<FormPage
			title={['Refer-a-friend bonus scheme', 'Settings']}
			serviceName={serviceName}
			area="staff"
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
			{page.inForce ? (
				<>
					<p className="govuk-body">
						{page.inForce.effectiveFrom <= '2000-01-01'
							? 'The scheme the service started with.'
							: `Since ${formatDate(page.inForce.effectiveFrom)}.`}
					</p>
					<RulesList rules={page.inForce.rules} />
				</>
			) : (
				<p className="govuk-body">No scheme is in force today.</p>
			)}
			{page.scheduled.map((scheme) => (
				<div className="govuk-inset-text" key={scheme.id}>
					<p className="govuk-body govuk-!-font-weight-bold">From {formatDate(scheme.effectiveFrom)}:</p>
					<RulesList rules={scheme.rules} />
				</div>
			))}

			<h2 className="govuk-heading-m">Make a new version</h2>
			<p className="govuk-body">
				The form starts with the scheme in force. Published schemes in England run from £250 + £250 to £1,500 + £1,500.
			</p>
			{values ? (
				<Form method="post" noValidate>
					<CsrfField token={page.csrfToken} />
					<TextInput
						name="approvedPounds"
						label="Bonus when the referred household is approved"
						hint="Paid to the referrer, in pounds"
						prefix="£"
						spellCheck={false}
						widthClass="govuk-input--width-5"
						defaultValue={values.approvedPounds}
						error={errorFor(errors, 'approvedPounds')}
					/>
					<TextInput
						name="placementPounds"
						label="Bonus when their first placement has lasted the qualifying weeks"
						hint="Paid to the referrer, in pounds. Staff record placements on the carer’s record."
						prefix="£"
						spellCheck={false}
						widthClass="govuk-input--width-5"
						defaultValue={values.placementPounds}
						error={errorFor(errors, 'placementPounds')}
					/>
					<TextInput
						name="placementWeeks"
						label="Qualifying weeks"
						hint="How long the first placement must last, from 1 to 104 weeks"
						suffix="weeks"
						inputMode="numeric"
						spellCheck={false}
						widthClass="govuk-input--width-3"
						defaultValue={values.placementWeeks}
						error={errorFor(errors, 'placementWeeks')}
					/>
					<TextInput
						name="welcomePounds"
						label="Welcome bonus for the new carers"
						hint="Paid to the new carers when they are approved, in pounds. Enter 0 for no welcome bonus."
						prefix="£"
						spellCheck={false}
						widthClass="govuk-input--width-5"
						defaultValue={values.welcomePounds}
						error={errorFor(errors, 'welcomePounds')}
					/>
					<TextInput
						name="shortBreakPercent"
						label="Share paid for short-break carers"
						hint="When the new carers are approved for short breaks only, each amount is this share of the full amount. Enter 100 to pay the full amounts."
						suffix="%"
						inputMode="numeric"
						spellCheck={false}
						widthClass="govuk-input--width-3"
						defaultValue={values.shortBreakPercent}
						error={errorFor(errors, 'shortBreakPercent')}
					/>
					<Checkboxes
						name="eligibleReferrerKinds"
						legend="Who can earn a bonus"
						hint="Select all that apply"
						error={errorFor(errors, 'eligibleReferrerKinds')}
						choices={REFERRER_KINDS.map((kind) => ({ value: kind, label: REFERRER_KIND_LABELS[kind] }))}
						selected={values.eligibleReferrerKinds}
					/>
					<TextInput
						name="contactWindowMonths"
						label="Contact window"
						hint="A household in contact with the service this many months before the referral earns no bonus, from 0 to 60"
						suffix="months"
						inputMode="numeric"
						spellCheck={false}
						widthClass="govuk-input--width-3"
						defaultValue={values.contactWindowMonths}
						error={errorFor(errors, 'contactWindowMonths')}
					/>
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
			) : null}

			<h2 className="govuk-heading-m">History</h2>
			<table className="govuk-table">
				<caption className="govuk-table__caption govuk-visually-hidden">
					Versions of the scheme, latest start first
				</caption>
				<thead className="govuk-table__head">
					<tr className="govuk-table__row">
						<th scope="col" className="govuk-table__header">
							For referrals made
						</th>
						<th scope="col" className="govuk-table__header">
							Scheme
						</th>
						<th scope="col" className="govuk-table__header">
							Made by
						</th>
					</tr>
				</thead>
				<tbody className="govuk-table__body">
					{page.history.map((scheme) => (
						<tr className="govuk-table__row" key={scheme.id}>
							<td className="govuk-table__cell">
								{scheme.effectiveFrom <= '2000-01-01' ? 'From the start' : `From ${formatDate(scheme.effectiveFrom)}`}
								<br />
								<strong className={`govuk-tag ${STATUS_TAGS[scheme.status]}`}>
									{SCHEME_STATUS_LABELS[scheme.status]}
								</strong>
							</td>
							<td className="govuk-table__cell">
								<ul className="govuk-list govuk-!-font-size-16">
									{describeRules(scheme.rules, REFERRER_KIND_LABELS).map((line) => (
										<li key={line}>{line}</li>
									))}
								</ul>
							</td>
							<td className="govuk-table__cell">
								{scheme.createdBy
									? `${scheme.createdBy}, ${formatDateTime(scheme.createdAt)}`
									: 'The service’s first scheme'}
							</td>
						</tr>
					))}
				</tbody>
			</table>
			<Pagination page={page.page} pages={page.pages} search={search} />
		</FormPage>
	)
}
