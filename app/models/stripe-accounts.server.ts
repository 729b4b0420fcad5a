import { isStripeAccountStatus, type StripeAccountStatus, type StripeGateway } from '~/domain/stripe-payments.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import { prisma } from '~/utils/db.server.ts'

// A carer's Stripe Express account (ADR 011): made once, the first time they ask to be paid
// through Stripe, and kept in Carer.stripeAccountId; its status (pending | enabled | restricted)
// is refreshed when they come back from Stripe's onboarding and whenever Stripe sends
// account.updated. The gateway is passed in, so these work with any Stripe (or the test stand-in).
//
// Stripe delivers events late and out of order, so every status is kept with the time it was true
// at Stripe (stripeAccountAsOf), and one that is older than what is kept changes nothing. The
// check is part of the UPDATE, so two deliveries at once cannot both pass it. Stripe's times are
// whole seconds; of two states from the same second, the one that arrives later wins (ADR 011).

export type CarerPaymentSetup = { connected: boolean; status: StripeAccountStatus | null }

export async function carerPaymentSetup(carerId: string): Promise<CarerPaymentSetup | null> {
	const carer = await prisma.carer.findUnique({
		where: { id: carerId },
		select: { stripeAccountId: true, stripeAccountStatus: true },
	})
	if (!carer) return null
	const status = isStripeAccountStatus(carer.stripeAccountStatus) ? carer.stripeAccountStatus : null
	return { connected: carer.stripeAccountId !== null, status: carer.stripeAccountId ? (status ?? 'pending') : null }
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
			data: { stripeAccountId: account.id, stripeAccountStatus: account.status, stripeAccountAsOf: account.asOf },
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
	const state = await gateway.accountState(carer.stripeAccountId)
	if ((await recordAccountStatus(prisma, carer.stripeAccountId, state)) === 'recorded') return state.status
	// An account.updated newer than our question came in while Stripe answered: it stands.
	return (await carerPaymentSetup(carerId))?.status ?? state.status
}

export type AccountStatusOutcome = 'recorded' | 'stale' | 'unknown account'

/**
 * Keeps the account's status as it was at `asOf`, unless what is kept is newer: an
 * account.updated webhook, or our own question to Stripe.
 */
export async function recordAccountStatus(
	db: Pick<Prisma.TransactionClient, 'carer'>,
	accountId: string,
	state: { status: StripeAccountStatus; asOf: Date }
): Promise<AccountStatusOutcome> {
	const { count } = await db.carer.updateMany({
		where: {
			stripeAccountId: accountId,
			OR: [{ stripeAccountAsOf: null }, { stripeAccountAsOf: { lte: state.asOf } }],
		},
		data: { stripeAccountStatus: state.status, stripeAccountAsOf: state.asOf },
	})
	if (count > 0) return 'recorded'
	return (await db.carer.count({ where: { stripeAccountId: accountId } })) > 0 ? 'stale' : 'unknown account'
}
