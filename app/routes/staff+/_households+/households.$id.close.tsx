import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { DatedFields, HouseholdActionPage, revalidateAfterStale } from '~/components/household.tsx'
import { exitReasonGroups, readDated, readExitReason } from '~/domain/household-forms.ts'
import { ENDED_BY_LABELS } from '~/domain/timeline.ts'
import { formatDate } from '~/domain/working-days.ts'
import { exitReasonOptions, runStageCommand } from '~/models/households.server.ts'
import { backToRecord, householdActionPage, invalid, postedForm, refused } from '~/services/household-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { errorFor } from '~/domain/field-errors.ts'

// Close a household: who ended it and why, from the service's list of reasons (the funnel's
// drop-out figures come from these). The reasons are grouped under who ended it, so choosing a
// reason answers both questions and the page works without JavaScript.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Close').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

export async function loader({ request, params }: LoaderFunctionArgs) {
	const page = await householdActionPage(request, params, 'close')
	const reasons = await exitReasonOptions()
	return {
		...page.view,
		groups: exitReasonGroups(reasons, page.household.stage === 'panel'),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const page = await householdActionPage(request, params, 'close')
	const { form, answers, change } = await postedForm(
		request,
		page,
		['exitReasonKey', 'backdateReason', 'note'],
		['businessDate']
	)
	const reasons = await exitReasonOptions()
	const reason = readExitReason(form, reasons)
	const dated = readDated(form, 'The date they left')
	const errors = [...(reason.ok ? [] : reason.errors), ...(dated.ok ? [] : dated.errors)]
	if (errors.length > 0 || !reason.ok || !dated.ok) return invalid(errors, answers)
	const label = reasons.find((option) => option.key === reason.value.exitReasonKey)!.label
	const result = await runStageCommand({
		...change,
		command: { type: 'close', ...reason.value, ...dated.value },
		audit: `Closed at ${page.stageNames[page.household.stage]}: ${
			ENDED_BY_LABELS[reason.value.endedBy]
		}, “${label}”, dated ${formatDate(dated.value.businessDate)}`,
	})
	// "Who ended it" is answered by the reason, so the machine's message about it belongs there.
	if (!result.ok) return refused(result, answers, { endedBy: 'exitReasonKey' })
	return backToRecord(page.household.id, 'closed')
}

export default function CloseHousehold() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	const error = errorFor(errors, 'exitReasonKey')
	const selected = result?.values?.exitReasonKey ?? ''
	// The first radio has the field's own id, so the error summary's link lands on it.
	const radioIds = new Map(
		page.groups
			.flatMap((group) => group.reasons)
			.map((reason, index) => [reason.key, index === 0 ? 'exitReasonKey' : `exitReasonKey-${index + 1}`])
	)
	return (
		<HouseholdActionPage title="Close the household" view={page} errors={errors} submitLabel="Close the household">
			<div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
				<fieldset
					className="govuk-fieldset"
					aria-describedby={`exitReasonKey-hint${error ? ' exitReasonKey-error' : ''}`}
				>
					<legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Why did the household leave?</legend>
					<div id="exitReasonKey-hint" className="govuk-hint">
						Choose the reason under who ended it.
					</div>
					{error ? (
						<p id="exitReasonKey-error" className="govuk-error-message">
							<span className="govuk-visually-hidden">Error:</span> {error}
						</p>
					) : null}
					{page.groups.map((group) => (
						<div key={group.endedBy} className="govuk-!-margin-bottom-4">
							<h2 className="govuk-heading-s govuk-!-margin-bottom-2">{ENDED_BY_LABELS[group.endedBy]}</h2>
							<div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
								{group.reasons.map((reason) => {
									const id = radioIds.get(reason.key)
									return (
										<div className="govuk-radios__item" key={reason.key}>
											<input
												className="govuk-radios__input"
												id={id}
												name="exitReasonKey"
												type="radio"
												value={reason.key}
												defaultChecked={selected === reason.key}
											/>
											<label className="govuk-label govuk-radios__label" htmlFor={id}>
												{reason.label}
											</label>
										</div>
									)
								})}
							</div>
						</div>
					))}
				</fieldset>
			</div>
			<DatedFields dateLegend="Date they left" today={page.today} errors={errors} answers={result} />
		</HouseholdActionPage>
	)
}
