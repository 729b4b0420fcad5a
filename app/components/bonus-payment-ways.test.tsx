// The carer portal's words on being paid when Stripe is off: what the service does, not what it does not.
import { renderToString } from 'react-dom/server'
import { expect, test } from 'vitest'
import { BonusPaymentWays } from './bonus-payment-ways.tsx'

test('says how bonuses are paid and that there is nothing to set up, without a word of Stripe', () => {
	const words = renderToString(<BonusPaymentWays />)
	expect(words).toContain('You do not need to set anything up to be paid.')
	expect(words).toContain('by bank transfer, into the account we pay your fostering allowance into')
	expect(words).toContain('with your fostering allowance')
	expect(words).toContain('We email you when a bonus has been paid, saying how we paid it.')
	expect(words).not.toContain('Stripe')
})
