import { LEDGER_STATUS_LABELS, isLedgerStatus } from '~/domain/bonus-ledger.ts'

// A bonus's place in the ledger as a GOV.UK tag: a colour and words, never a colour alone.

const TAG_CLASS: Record<string, string> = {
	pending: 'govuk-tag--grey',
	earned: 'govuk-tag--yellow',
	approved: 'govuk-tag--blue',
	paid: 'govuk-tag--green',
	void: 'govuk-tag--red',
}

export function BonusStatusTag({ status }: { status: string }) {
	const label = isLedgerStatus(status) ? LEDGER_STATUS_LABELS[status] : status
	return <strong className={`govuk-tag ${TAG_CLASS[status] ?? 'govuk-tag--grey'}`}>{label}</strong>
}
