import type { RecordedStageEvent } from '~/domain/stage-machine.ts'
import type { Prisma } from '~/generated/prisma/client.ts'

// Reading a household's stage events, for the stage machine and the response clocks alike.

/** A household's stage events in the order they were recorded, ready to replay. */
export async function stageHistory(db: Prisma.TransactionClient, householdId: string): Promise<RecordedStageEvent[]> {
	const events = await db.stageEvent.findMany({
		where: { householdId },
		orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
		include: { exitReason: { select: { key: true } } },
	})
	return events.map((event) => ({ ...event, exitReasonKey: event.exitReason?.key ?? null }))
}
