import { z } from 'zod'
import { accountStatus } from '~/domain/stripe-payments.ts'
import { Prisma } from '~/generated/prisma/client.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordTransferReversal, settlePaymentIn } from './bonus-payments.server.ts'
import { recordAccountStatus } from './stripe-accounts.server.ts'

// What the service does with Stripe's webhook events (ADR 011). Stripe may send an event more than
// once, so its id is stored in the same transaction as its effect: a second delivery finds the id
// and changes nothing. An event that fails to apply rolls back with its id, so Stripe's retry
// tries it again.

export type WebhookEvent = { id: string; type: string; data: { object: unknown } }

export type EventOutcome = 'handled' | 'ignored' | 'duplicate'

// The parts of Stripe's objects we act on, checked like any other input (the signature proves who
// sent the event, not that its shape is what we expect). Anything else in them is ignored.
const AccountObject = z.object({
	id: z.string(),
	details_submitted: z.boolean().nullish(),
	capabilities: z.object({ transfers: z.string().nullish() }).nullish(),
})

const TransferObject = z.object({
	id: z.string(),
	amount: z.number().int().optional(),
	destination: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
	metadata: z.record(z.string(), z.string()).nullish(),
	reversed: z.boolean().optional(),
	amount_reversed: z.number().int().optional(),
})

export async function handleStripeEvent(event: WebhookEvent): Promise<EventOutcome> {
	try {
		return await prisma.$transaction(async (tx) => {
			await tx.stripeEvent.create({ data: { id: event.id, type: event.type } })
			return applyEvent(tx, event)
		})
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return 'duplicate'
		throw error
	}
}

async function applyEvent(tx: Prisma.TransactionClient, event: WebhookEvent): Promise<EventOutcome> {
	switch (event.type) {
		case 'account.updated': {
			const account = AccountObject.parse(event.data.object)
			return (await recordAccountStatus(tx, account.id, accountStatus(account))) ? 'handled' : 'ignored'
		}
		case 'transfer.created': {
			// Confirms a transfer whose answer the worker may never have had (a time-out).
			const transfer = TransferObject.parse(event.data.object)
			const paymentId = transfer.metadata?.bonusPaymentId
			if (!paymentId) return 'ignored'
			const payment = await tx.bonusPayment.findUnique({ where: { id: paymentId } })
			const destination = typeof transfer.destination === 'string' ? transfer.destination : transfer.destination?.id
			if (!payment || payment.amountPence !== transfer.amount || payment.destinationAccountId !== destination) {
				return 'ignored'
			}
			await settlePaymentIn(tx, paymentId, transfer.id)
			return 'handled'
		}
		case 'transfer.reversed': {
			const transfer = TransferObject.parse(event.data.object)
			const recorded = await recordTransferReversal(tx, {
				id: transfer.id,
				amountReversedPence: transfer.amount_reversed ?? 0,
				fullyReversed: transfer.reversed === true,
			})
			return recorded ? 'handled' : 'ignored'
		}
		default:
			return 'ignored'
	}
}
