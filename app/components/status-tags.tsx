import { CLOCK_STATUS_LABELS } from '~/domain/deadlines.ts'
import { referralStatusLabel, type ReferralStatus } from '~/domain/referral-display.ts'
import type { ClockStatus } from '~/domain/response-clocks.ts'
import { ACCOUNT_STATUS_LABELS, type AccountStatus } from '~/domain/staff-accounts.ts'

// GOV.UK tags for the states staff pages show: a colour and a word, never a colour alone. The
// words are the domain's; the colours (GOV.UK class names) are presentation, so they live here.

const ACCOUNT_TAG_CLASS: Record<AccountStatus, string> = {
	active: 'govuk-tag--green',
	disabled: 'govuk-tag--grey',
	no_password: 'govuk-tag--blue',
}

export function AccountStatusTag({ status }: { status: AccountStatus }) {
	return <strong className={`govuk-tag ${ACCOUNT_TAG_CLASS[status]}`}>{ACCOUNT_STATUS_LABELS[status]}</strong>
}

const OUTBOX_TAGS: Record<string, { label: string; className: string }> = {
	pending: { label: 'Waiting to send', className: 'govuk-tag--blue' },
	sent: { label: 'Sent', className: 'govuk-tag--green' },
	dead: { label: 'Not sent', className: 'govuk-tag--red' },
}

export function OutboxStatusTag({ status }: { status: string }) {
	const tag = OUTBOX_TAGS[status] ?? { label: status, className: 'govuk-tag--grey' }
	return <strong className={`govuk-tag ${tag.className}`}>{tag.label}</strong>
}

export function RetiredTag({ retired }: { retired: boolean }) {
	return retired ? (
		<strong className="govuk-tag govuk-tag--grey">Retired</strong>
	) : (
		<strong className="govuk-tag govuk-tag--green">In use</strong>
	)
}

/** Red overdue or missed, orange at risk, grey when not running. */
const CLOCK_TAG_CLASS: Record<ClockStatus, string> = {
	on_track: 'govuk-tag--blue',
	at_risk: 'govuk-tag--orange',
	overdue: 'govuk-tag--red',
	paused: 'govuk-tag--yellow',
	met: 'govuk-tag--green',
	missed: 'govuk-tag--red',
	stopped: 'govuk-tag--grey',
}

/** A response-time clock's status; `nowrap` keeps it on one line in a narrow table cell. */
export function ClockStatusTag({ status, nowrap = false }: { status: ClockStatus; nowrap?: boolean }) {
	return (
		<strong className={`govuk-tag ${nowrap ? 'app-nowrap ' : ''}${CLOCK_TAG_CLASS[status]}`}>
			{CLOCK_STATUS_LABELS[status]}
		</strong>
	)
}

const REFERRAL_TAG_CLASS: Record<ReferralStatus, string> = {
	counted: 'govuk-tag--green',
	not_eligible: 'govuk-tag--orange',
	detached: 'govuk-tag--grey',
	awaiting_match: 'govuk-tag--yellow',
}

/** Whether a referral counts for a bonus. */
export function ReferralStatusTag({ status }: { status: string }) {
	const className = Object.hasOwn(REFERRAL_TAG_CLASS, status) ? REFERRAL_TAG_CLASS[status as ReferralStatus] : ''
	return <strong className={`govuk-tag ${className}`}>{referralStatusLabel(status)}</strong>
}
