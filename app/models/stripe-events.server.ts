import { z } from 'zod'
import { accountStatus } from '~/domain/stripe-payments.ts'
import { Prisma } from '~/generated/prisma/client.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordTransferMade, recordTransferReversal, type TransferReport } from './bonus-payments.server.ts'
import { recordAccountStatus } from './stripe-accounts.server.ts'

// What the service does with Stripe's webhook events (ADR 011). Stripe may send an event more than
// once, so its id is stored in the same transaction as its effect: a second delivery finds the id
// and changes nothing. An event that fails to apply rolls back with its id, so Stripe's retry
// tries it again.
//
// Stripe may also send events late and in any order, so an event is applied only if it is newer
// than what we hold: account.updated by its `created` time against the one kept with the carer's
// account, transfer.reversed by the amount reversed, which only grows. An older event is recorded
// as received and changes nothing ('stale').
//
// The signature proves who sent an event, not that its shape is what we expect: readStripeEvent
// checks every part we act on before anything is written, and one that fails is refused whole.

export type EventOutcome = 'handled' | 'ignored' | 'duplicate' | 'stale'

// The parts of Stripe's objects we act on. Anything else in them is ignored.
const AccountObject = z.object({
	id: z.string().min(1),
	details_submitted: z.boolean().nullish(),
	capabilities: z.object({ transfers: z.string().nullish() }).nullish(),
})

const TransferObject = z.object({
	id: z.string().min(1),
	amount: z.number().int().nonnegative(),
	destination: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
	metadata: z.record(z.string(), z.string()).nullish(),
	reversed: z.boolean().optional(),
	amount_reversed: z.number().int().nonnegative().optional(),
})

const ReversedTransferObject = TransferObject.extend({ amount_reversed: z.number().int().nonnegative() })

const EventEnvelope = z.object({
	id: z.string().min(1).max(255),
	type: z.string().min(1).max(255),
	// Unix seconds: when Stripe made the event (at most the year 9999, so it makes a Date).
	created: z.number().int().nonnegative().max(253_402_300_799),
	data: z.object({ object: z.record(z.string(), z.unknown()) }),
})

/** An event we can act on, checked; `created` is when Stripe made it. */
export type StripeWebhookEvent = { id: string; type: string; created: Date; effect: EventEffect }

type EventEffect =
	| { kind: 'account'; accountId: string; status: ReturnType<typeof accountStatus> }
	| { kind: 'transfer made' | 'transfer reversed'; transfer: TransferReport }
	| { kind: 'none' }

export type ReadEvent = { ok: true; event: StripeWebhookEvent } | { ok: false; error: string }

/** Checks a verified webhook's JSON: the event and, for the types we use, the object it carries. */
export function readStripeEvent(json: unknown): ReadEvent {
	const envelope = EventEnvelope.safeParse(json)
	if (!envelope.success)
		return { ok: false, error: 'This is not a Stripe event: it lacks an id, type, created time or object' }
	const { id, type, created, data } = envelope.data
	const effect = effectOf(type, data.object)
	if (!effect) return { ok: false, error: `The object in this ${type} event is not what Stripe sends` }
	return { ok: true, event: { id, type, created: new Date(created * 1000), effect } }
}

function effectOf(type: string, object: unknown): EventEffect | null {
	switch (type) {
		case 'account.updated': {
			const account = AccountObject.safeParse(object)
			return account.success
				? { kind: 'account', accountId: account.data.id, status: accountStatus(account.data) }
				: null
		}
		case 'transfer.created': {
			const transfer = TransferObject.safeParse(object)
			return transfer.success ? { kind: 'transfer made', transfer: transferReport(transfer.data) } : null
		}
		case 'transfer.reversed': {
			const transfer = ReversedTransferObject.safeParse(object)
			return transfer.success ? { kind: 'transfer reversed', transfer: transferReport(transfer.data) } : null
		}
		default:
			return { kind: 'none' }
	}
}

function transferReport(transfer: z.infer<typeof TransferObject>): TransferReport {
	return {
		id: transfer.id,
		paymentId: transfer.metadata?.bonusPaymentId ?? null,
		amountPence: transfer.amount,
		destinationAccountId:
			typeof transfer.destination === 'string' ? transfer.destination : (transfer.destination?.id ?? null),
		amountReversedPence: transfer.amount_reversed ?? 0,
		fullyReversed: transfer.reversed === true,
	}
}

export async function handleStripeEvent(event: StripeWebhookEvent): Promise<EventOutcome> {
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

async function applyEvent(tx: Prisma.TransactionClient, event: StripeWebhookEvent): Promise<EventOutcome> {
	const { effect } = event
	switch (effect.kind) {
		case 'account':
			return outcomeOf(await recordAccountStatus(tx, effect.accountId, { status: effect.status, asOf: event.created }))
		case 'transfer made':
			// Confirms a transfer whose answer the worker may never have had (a time-out).
			return outcomeOf(await recordTransferMade(tx, effect.transfer))
		case 'transfer reversed':
			return outcomeOf(await recordTransferReversal(tx, effect.transfer))
		case 'none':
			return 'ignored'
	}
}

function outcomeOf(recorded: 'recorded' | 'stale' | 'unknown account' | 'unknown transfer'): EventOutcome {
	if (recorded === 'recorded') return 'handled'
	return recorded === 'stale' ? 'stale' : 'ignored'
}
