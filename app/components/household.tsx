import type { ReactNode } from 'react'
import { Form, Link, useNavigation, type ShouldRevalidateFunction } from '@remix-run/react'
import type { DateParts } from '~/domain/date-input.ts'
import { STATUS_LABELS } from '~/domain/pipeline-filters.ts'
import type { HouseholdStatus } from '~/domain/stage-machine.ts'
import type { StageKey } from '~/domain/stages.ts'

import { CsrfField } from './csrf-field.tsx'
import { DateInput, ErrorSummary, Textarea } from './form.tsx'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'

// The parts every household action page shares: the page frame (title, back link, error summary,
// what is being changed) and the form with its CSRF token and the version it was shown with.

export type ActionErrors = FieldError[]
export type ActionValues = { values?: Record<string, string>; parts?: Record<string, DateParts> }

/**
 * Remix does not reload the page's data after an action answers 4xx; after a stale save (409) it
 * must, so the page shows the colleague's change and the form carries the new version.
 */
export const revalidateAfterStale: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
	actionStatus === 409 || defaultShouldRevalidate

type ActionHousehold = {
	id: string
	reference: string
	displayName: string
	stage: StageKey
	status: HouseholdStatus
	version: number
	owner: { name: string } | null
}

/** What an action page's loader sends (app/services/household-route.server.ts, householdActionPage). */
export type ActionView = {
	household: ActionHousehold
	stageNames: Record<StageKey, string>
	csrfToken: string
	/** Why nothing can be done here now (closed, on hold...; app/domain/household-actions.ts): shown instead of the form. */
	blocked?: string | null
}

export function HouseholdActionPage({
	title,
	view,
	errors,
	submitLabel,
	children,
}: {
	title: string
	view: ActionView
	errors: ActionErrors
	submitLabel: string
	children: ReactNode
}) {
	const { household, stageNames, blocked } = view
	const summaryErrors = errors.map((error) => ({ field: error.field ?? undefined, message: error.message }))
	return (
		<>
			<title>{`${errors.length > 0 ? 'Error: ' : ''}${title} – ${household.displayName || household.reference}`}</title>
			<Link to={`/staff/households/${household.id}`} className="govuk-back-link">
				Back to the household
			</Link>
			<div className="govuk-grid-row">
				<div className="govuk-grid-column-two-thirds">
					<ErrorSummary errors={summaryErrors} />
					<span className="govuk-caption-l">
						{household.displayName} ({household.reference})
					</span>
					<h1 className="govuk-heading-l">{title}</h1>
					<dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-6">
						<div className="govuk-summary-list__row">
							<dt className="govuk-summary-list__key">Stage</dt>
							<dd className="govuk-summary-list__value" data-testid="action-stage">
								{stageNames[household.stage]} ({STATUS_LABELS[household.status].toLowerCase()})
							</dd>
						</div>
						<div className="govuk-summary-list__row">
							<dt className="govuk-summary-list__key">Owner</dt>
							<dd className="govuk-summary-list__value">{household.owner?.name ?? 'Unassigned'}</dd>
						</div>
					</dl>
					{blocked ? (
						// The rules' words end without a full stop, as error messages do; here they are a sentence.
						<div className="govuk-inset-text">{blocked}.</div>
					) : (
						<Form method="post" noValidate>
							<CsrfField token={view.csrfToken} />
							<input type="hidden" name="version" value={household.version} />
							{children}
							<SubmitOrCancel label={submitLabel} householdId={household.id} />
						</Form>
					)}
				</div>
			</div>
		</>
	)
}

/** A household form's buttons: save (not twice while it is being sent), or go back to the record. */
export function SubmitOrCancel({ label, householdId }: { label: string; householdId: string }) {
	const navigation = useNavigation()
	return (
		<div className="govuk-button-group">
			<button
				type="submit"
				className="govuk-button"
				data-module="govuk-button"
				disabled={navigation.state === 'submitting'}
			>
				{label}
			</button>
			<Link to={`/staff/households/${householdId}`} className="govuk-link">
				Cancel
			</Link>
		</div>
	)
}

/** The date of a stage change, why it is recorded late (if it is) and a note. */
export function DatedFields({
	dateLegend,
	today,
	errors,
	answers,
}: {
	dateLegend: string
	today: string
	errors: ActionErrors
	answers?: ActionValues
}) {
	return (
		<>
			<DateInput
				name="businessDate"
				legend={dateLegend}
				hint="For example, 27 3 2026. Today unless it happened earlier."
				error={errorFor(errors, 'businessDate')}
				defaultValue={answers?.parts?.businessDate ?? today}
			/>
			<Textarea
				name="backdateReason"
				label="Why are you recording this late?"
				hint="Only needed if the date is before today."
				rows={2}
				error={errorFor(errors, 'backdateReason')}
				defaultValue={answers?.values?.backdateReason}
			/>
			<Textarea
				name="note"
				label="Note (optional)"
				rows={3}
				error={errorFor(errors, 'note')}
				defaultValue={answers?.values?.note}
			/>
		</>
	)
}
