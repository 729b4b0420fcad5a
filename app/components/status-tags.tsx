import { ACCOUNT_STATUS_LABELS, type AccountStatus } from '~/domain/staff-accounts.ts'

// GOV.UK tags for the states staff pages show: a colour and a word, never a colour alone.

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
