import type { ReactNode } from 'react'
import { errorFor } from '~/domain/field-errors.ts'
import { Textarea } from './form.tsx'
import { HouseholdActionPage, type ActionErrors, type ActionView } from './household.tsx'
import { ReferralSummary, type ReferralView } from './referrals.tsx'

// The page that detaches a household's referral or counts it instead: the referral, what the
// change will do, and the reason staff must give (or, instead of the form, why the change cannot
// be made: app/domain/referral-eligibility.ts). Both changes ask the same, in different words.

export function ReferralChangePage({
	page,
	result,
	title,
	submitLabel,
	reasonLabel,
	children,
}: {
	page: ActionView & { referral: ReferralView }
	result?: { errors: ActionErrors; values?: Record<string, string> }
	title: string
	submitLabel: string
	reasonLabel: string
	/** What the change will do, in a sentence or two. */
	children: ReactNode
}) {
	const errors = result?.errors ?? []
	return (
		<HouseholdActionPage title={title} view={page} errors={errors} submitLabel={submitLabel}>
			<ReferralSummary referral={page.referral} />
			<p className="govuk-body">{children}</p>
			<Textarea
				name="reason"
				label={reasonLabel}
				rows={3}
				defaultValue={result?.values?.reason}
				error={errorFor(errors, 'reason')}
			/>
		</HouseholdActionPage>
	)
}
