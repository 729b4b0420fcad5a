import { isStripeAccountStatus, type StripeAccountStatus } from '~/domain/stripe-payments.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import type { StripeGateway } from '~/integrations/stripe.server.ts'
import { prisma } from '~/utils/db.server.ts'

// A carer's Stripe Express account (ADR 011): made once, the first time they ask to be paid
// through Stripe, and kept in Carer.stripeAccountId; its status (pending | enabled | restricted)
// is refreshed when they come back from Stripe's onboarding and whenever Stripe sends
// account.updated. The gateway is passed in, so these work with any Stripe (or the test stand-in).

export type CarerPaymentSetup = { connected: boolean; status: StripeAccountStatus | null }

export async function carerPaymentSetup(carerId: string): Promise<CarerPaymentSetup | null> {
	const carer = await prisma.carer.findUnique({
		where: { id: carerId },
		select: { stripeAccountId: true, stripeAccountStatus: true },
	})
	if (!carer) return null
	const status = isStripeAccountStatus(carer.stripeAccountStatus) ? carer.stripeAccountStatus : null
	return { connected: carer.stripeAccountId !== null, status: carer.stripeAccountId ? status ?? 'pending' : null }
}

/**
 * The address of Stripe's onboarding for the carer, making their Express account first if they
 * have none. The account is made under an idempotency key tied to the carer, so two requests at
 * once make one account; the first to save it wins and the other uses it.
 */
export async function startStripeOnboarding(
	gateway: StripeGateway,
	input: { carerId: string; returnUrl: string; refreshUrl: string }
): Promise<string | null> {
	const carer = await prisma.carer.findUnique({ where: { id: input.carerId } })
	if (!carer || carer.status !== 'active') return null
	let accountId = carer.stripeAccountId
	if (!accountId) {
		const account = await gateway.createExpressAccount({ email: carer.email, carerId: carer.id })
		await prisma.carer.updateMany({
			where: { id: carer.id, stripeAccountId: null },
			data: { stripeAccountId: account.id, stripeAccountStatus: account.status },
		})
		accountId = (await prisma.carer.findUniqueOrThrow({ where: { id: carer.id } })).stripeAccountId ?? account.id
	}
	return gateway.createOnboardingLink({ accountId, returnUrl: input.returnUrl, refreshUrl: input.refreshUrl })
}

/** Asks Stripe how the carer's account stands now and keeps the answer. */
export async function refreshStripeAccount(
	gateway: StripeGateway,
	carerId: string
): Promise<StripeAccountStatus | null> {
	const carer = await prisma.carer.findUnique({ where: { id: carerId }, select: { stripeAccountId: true } })
	if (!carer?.stripeAccountId) return null
	const status = await gateway.accountStatus(carer.stripeAccountId)
	await prisma.carer.update({ where: { id: carerId }, data: { stripeAccountStatus: status } })
	return status
}

/** What an account.updated webhook says; false if no carer has the account. */
export async function recordAccountStatus(
	tx: Prisma.TransactionClient,
	accountId: string,
	status: StripeAccountStatus
): Promise<boolean> {
	const { count } = await tx.carer.updateMany({
		where: { stripeAccountId: accountId },
		data: { stripeAccountStatus: status },
	})
	return count > 0
}
