// The household record's changes other than plain stage commands (those use runStageCommand).
// Each is one changeHousehold: refused whole if someone else saved first, audited with what changed.

import { contactInstant, isPersonalContact, type ContactAnswers } from '~/domain/household-forms.ts'
import { CONTACT_METHODS, CONTACT_OUTCOMES, labelOf } from '~/domain/timeline.ts'
import { formatDate } from '~/domain/working-days.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { now, today } from '~/utils/clock.server.ts'
import { answersReturnedEnquiry } from '~/domain/response-clocks.ts'
import { replay } from '~/domain/stage-machine.ts'
import type { StageKey } from '~/domain/stages.ts'
import type { Household, Prisma } from '~/generated/prisma/client.ts'
import { appendStageEvent, changeOwner } from './household-writer.server.ts'
import { applyStageCommand, changeHousehold } from './households.server.ts'
import { clockContext } from './response-clocks.server.ts'
import { stageHistory } from './stage-history.server.ts'

type Change = { householdId: string; expectedVersion: number; actor: StaffIdentity }

/**
 * Logs a contact attempt. A call or visit that got through while the household is at Enquiry
 * also records Initial contact, dated the day of the contact, in the same transaction: both are
 * saved or neither is.
 */
export function logContactAttempt(input: Change & { answers: ContactAnswers; initialContactName: string }) {
	const { answers, actor } = input
	const what = `${labelOf(CONTACT_METHODS, answers.method)} (${labelOf(
		CONTACT_OUTCOMES,
		answers.outcome
	).toLowerCase()})`

	return changeHousehold<{ moved: boolean }>(
		{
			...input,
			audit: ({ moved }) =>
				`Logged a contact attempt: ${what} on ${formatDate(answers.date)}${
					moved ? `; moved to ${input.initialContactName}` : ''
				}`,
		},
		async (tx, household) => {
			await tx.contactAttempt.create({
				data: {
					householdId: household.id,
					method: answers.method,
					outcome: answers.outcome,
					occurredAt: contactInstant(answers, now(), today()),
					actorId: actor.id,
					note: answers.note || null,
					recordedAt: now(),
				},
			})
			const personal = isPersonalContact(answers.method, answers.outcome) && household.status === 'open'
			if (personal && household.stage !== 'enquiry') await answerReturnedEnquiry(tx, household, actor, answers)
			const completesInitialContact = personal && household.stage === 'enquiry'
			if (!completesInitialContact) return { ok: true, value: { moved: false } }
			const moved = await applyStageCommand(tx, household, actor, {
				type: 'move',
				toStage: 'initial_contact',
				businessDate: answers.date,
				backdateReason: answers.backdateReason,
				note: answers.note,
			})
			if (!moved.ok) {
				// The machine's date fields are the contact form's: point the message at the right one.
				const field = moved.field === 'businessDate' ? 'date' : moved.field
				return { ...moved, field }
			}
			return { ok: true, value: { moved: true } }
		}
	)
}

/**
 * A personal contact that answers a returning enquirer's enquiry past Enquiry (ADR 031) is
 * recorded as a 'contacted' event too, which stops the first-contact clock that enquiry started.
 */
async function answerReturnedEnquiry(
	tx: Prisma.TransactionClient,
	household: Pick<Household, 'id' | 'stage'>,
	actor: StaffIdentity,
	answers: ContactAnswers
) {
	const history = await stageHistory(tx, household.id)
	if (!answersReturnedEnquiry(history, household.stage as StageKey, answers.date, await clockContext())) return
	await appendStageEvent(
		tx,
		household.id,
		{ history, state: replay(history) },
		{
			kind: 'contacted',
			fromStage: null,
			toStage: null,
			businessDate: answers.date,
			actorId: actor.id,
			backdateReason: answers.backdateReason || null,
			exitReasonKey: null,
			exitReasonId: null,
			reviewOn: null,
			note: null,
		}
	)
}

export function addNote(input: Change & { body: string }) {
	return changeHousehold({ ...input, audit: 'Added a note' }, async (tx, household) => {
		await tx.householdNote.create({
			data: { householdId: household.id, authorId: input.actor.id, body: input.body, createdAt: now() },
		})
		return { ok: true, value: null }
	})
}

export function addTask(
	input: Change & { title: string; dueOn: string; assigneeId: string | null; assigneeName: string | null }
) {
	return changeHousehold(
		{
			...input,
			audit: `Added a task “${input.title}” due ${formatDate(input.dueOn)}, assigned to ${
				input.assigneeName ?? 'nobody'
			}`,
		},
		async (tx, household) => {
			await tx.householdTask.create({
				data: {
					householdId: household.id,
					title: input.title,
					dueOn: input.dueOn,
					assigneeId: input.assigneeId,
					createdById: input.actor.id,
					createdAt: now(),
				},
			})
			return { ok: true, value: null }
		}
	)
}

export function completeTask(input: Change & { taskId: string }) {
	return changeHousehold<{ title: string }>(
		{ ...input, audit: ({ title }) => `Marked the task “${title}” as done` },
		async (tx, household) => {
			const task = await tx.householdTask.findFirst({ where: { id: input.taskId, householdId: household.id } })
			if (!task) return { ok: false, error: 'That task is not on this household', field: null }
			if (task.completedAt) return { ok: false, error: `“${task.title}” is already done`, field: null }
			await tx.householdTask.update({
				where: { id: task.id },
				data: { completedAt: now(), completedById: input.actor.id },
			})
			return { ok: true, value: { title: task.title } }
		}
	)
}

/** Gives the household to another member of staff (or to nobody), remembering who had it. */
export function assignOwner(input: Change & { ownerId: string | null; ownerName: string | null }) {
	return changeHousehold(
		{
			...input,
			audit: input.ownerName ? `Assigned the household to ${input.ownerName}` : 'Made the household unassigned',
		},
		async (tx, household) => {
			if (household.ownerId === input.ownerId) {
				return {
					ok: false,
					error: input.ownerName
						? `${input.ownerName} already owns this household`
						: 'This household is already unassigned',
					field: 'ownerId',
				}
			}
			await changeOwner(tx, household, input.ownerId, input.actor.id)
			return { ok: true, value: null }
		}
	)
}
