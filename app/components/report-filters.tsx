import { Form, Link, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'
import type { PeriodFormValues, PeriodPreset } from '~/domain/report-period.ts'
import { DateInput } from './form.tsx'

// The form that chooses what a report shows, the same on every report: a GET form (so a view can
// be bookmarked and shared, and it works without JavaScript) with the period as two GOV.UK date
// inputs, the report's own choices beside them, and a link back to the preset period
// (app/domain/report-period.ts reads what it sends).

export function ReportFilters({
	label,
	heading,
	submit,
	preset,
	presetHref,
	values,
	errors,
	before,
	after,
	children,
}: {
	/** The search landmark's name ('Choose the period'). */
	label: string
	heading: string
	/** The button's words ('Show report'). */
	submit: string
	preset: PeriodPreset
	/** The report's address with no choices: the preset period. */
	presetHref: string
	values: PeriodFormValues
	errors: readonly FieldError[]
	/** Choices above the dates (the funnel's mode). */
	before?: ReactNode
	/** Fields below the dates that are not shown (choices made elsewhere on the page, kept). */
	after?: ReactNode
	/** Choices beside the dates. */
	children?: ReactNode
}) {
	// Keyed on the query, so the fields show the figures' choices after a link changes them.
	const { search } = useLocation()
	return (
		<Form key={search} method="get" className="app-filters app-no-print" aria-label={label} role="search">
			<h2 className="govuk-heading-m">{heading}</h2>
			{before}
			<div className="app-filters__grid">
				<DateInput
					name="from"
					legend="From"
					hint="For example, 1 4 2025"
					error={errorFor(errors, 'from')}
					defaultValue={values.from}
				/>
				<DateInput
					name="to"
					legend="To"
					hint="For example, 31 3 2026"
					error={errorFor(errors, 'to')}
					defaultValue={values.to}
				/>
				{children}
			</div>
			{after}
			<div className="govuk-button-group">
				<button type="submit" className="govuk-button" data-module="govuk-button">
					{submit}
				</button>
				<Link className="govuk-link" to={presetHref}>
					{preset.label}
				</Link>
			</div>
		</Form>
	)
}

/** The period's date fields as hidden inputs, for a second form that changes one other choice. */
export function PeriodKept({ values }: { values: PeriodFormValues }) {
	return (['from', 'to'] as const).flatMap((field) =>
		(['day', 'month', 'year'] as const).map((part) => (
			<input key={`${field}-${part}`} type="hidden" name={`${field}-${part}`} value={values[field][part]} />
		))
	)
}
