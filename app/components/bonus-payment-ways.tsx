// What the carer portal says about being paid when the service does not pay through Stripe: the
// ways a manager pays an approved bonus and records it (MANUAL_PAYMENT_METHODS, ADR 011), so the
// carer knows there is nothing to set up, rather than being told only what the service does not do.

export const BONUS_PAYMENT_WAYS_TITLE = 'How we pay your bonuses'

export function BonusPaymentWays() {
	return (
		<>
			<p className="govuk-body">You do not need to set anything up to be paid.</p>
			<p className="govuk-body">
				When you earn a bonus, a manager approves it and we pay it to you in one of these ways:
			</p>
			<ul className="govuk-list govuk-list--bullet">
				<li>by bank transfer, into the account we pay your fostering allowance into</li>
				<li>with your fostering allowance</li>
				<li>by cheque</li>
			</ul>
			<p className="govuk-body">We email you when a bonus has been paid, saying how we paid it.</p>
			<p className="govuk-body">
				If your bank details have changed, or you have a question about a bonus, contact your supervising social worker.
			</p>
		</>
	)
}
