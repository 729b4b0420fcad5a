import { describe, expect, test } from 'vitest'
import { stageNames } from './stages.ts'
import { buildTimeline, stageEventInstant, type TimelineInput } from './timeline.ts'
import { formatDate, formatDateTime } from './working-days.ts'

const names = stageNames({ stage_1: 'Checks' })
const empty: TimelineInput = {
	stageNames: names,
	stageEvents: [],
	contactAttempts: [],
	notes: [],
	emails: [],
	ownerChanges: [],
	tasks: [],
	enquiries: [],
}
const stageEvent = (fields: Partial<TimelineInput['stageEvents'][number]>): TimelineInput['stageEvents'][number] => ({
	id: 'e1',
	kind: 'entered',
	fromStage: null,
	toStage: 'enquiry',
	businessDate: '2026-03-02',
	recordedAt: new Date('2026-03-02T09:00:00Z'),
	actorName: null,
	backdateReason: null,
	exitReasonLabel: null,
	exitEndedBy: null,
	reviewOn: null,
	note: null,
	...fields,
})

describe('the household timeline', () => {
	test('merges every kind of entry, newest first', () => {
		const items = buildTimeline({
			...empty,
			enquiries: [{ id: 'q1', reference: 'ENQ-1', source: 'web', receivedAt: new Date('2026-03-02T08:59:00Z') }],
			stageEvents: [
				stageEvent({}),
				stageEvent({
					id: 'e2',
					fromStage: 'enquiry',
					toStage: 'initial_contact',
					recordedAt: new Date('2026-03-03T10:00:00Z'),
					businessDate: '2026-03-03',
					actorName: 'Ada Officer',
				}),
			],
			contactAttempts: [
				{
					id: 'c1',
					method: 'call',
					outcome: 'no_answer',
					occurredAt: new Date('2026-03-02T14:00:00Z'),
					actorName: 'Ada Officer',
					note: null,
				},
			],
			notes: [
				{ id: 'n1', body: 'Keen on teenagers', createdAt: new Date('2026-03-04T09:00:00Z'), authorName: 'Ada Officer' },
			],
			emails: [
				{
					id: 'm1',
					subject: 'Thank you for your enquiry',
					toAddress: 'sam@example.com',
					status: 'sent',
					createdAt: new Date('2026-03-02T09:00:01Z'),
					sentAt: null,
				},
			],
			ownerChanges: [
				{
					id: 'o1',
					fromName: null,
					toName: 'Ada Officer',
					actorName: 'Max Manager',
					changedAt: new Date('2026-03-02T11:00:00Z'),
				},
			],
			tasks: [
				{
					id: 't1',
					title: 'Book the visit',
					dueOn: '2026-03-10',
					createdAt: new Date('2026-03-03T10:05:00Z'),
					createdByName: 'Ada Officer',
					assigneeName: null,
					completedAt: new Date('2026-03-05T10:00:00Z'),
					completedByName: 'Ada Officer',
				},
			],
		})
		expect(items.map((item) => item.title)).toEqual([
			'Task done: Book the visit',
			'Note added',
			'Task added: Book the visit',
			'Moved to Initial contact',
			'Phone call: no answer',
			'Assigned to Ada Officer',
			'Email: Thank you for your enquiry',
			'Started at Enquiry',
			'Enquiry received from the website',
		])
		expect(items.find((item) => item.type === 'email')!.details).toContainEqual({ label: 'Status', value: 'Sent' })
		expect(items.find((item) => item.type === 'owner')!.details).toEqual([
			{ label: 'Previous owner', value: 'Unassigned' },
		])
	})

	test('a back-dated stage change shows both dates and why, and sits at its business date', () => {
		const [item] = buildTimeline({
			...empty,
			stageEvents: [
				stageEvent({
					kind: 'entered',
					fromStage: 'application',
					toStage: 'stage_1',
					businessDate: '2026-03-02',
					recordedAt: new Date('2026-03-09T16:00:00Z'),
					backdateReason: 'Was on leave',
					note: 'References requested',
				}),
			],
		})
		expect(item!.title).toBe('Moved to Checks')
		expect(item!.details).toEqual([
			{ label: 'Date', value: '2 March 2026' },
			{ label: 'Recorded on', value: '9 March 2026' },
			{ label: 'Why it was recorded late', value: 'Was on leave' },
			{ label: 'Note', value: 'References requested' },
		])
		expect(item!.at).toBe('2026-03-02T12:00:00.000Z')
	})

	test('holds, exits and reopenings say what happened and who ended it', () => {
		const items = buildTimeline({
			...empty,
			stageEvents: [
				stageEvent({ id: 'a', kind: 'hold', reviewOn: '2026-06-01', businessDate: '2026-03-02' }),
				stageEvent({ id: 'b', kind: 'resume', recordedAt: new Date('2026-03-02T10:00:00Z') }),
				stageEvent({
					id: 'c',
					kind: 'exit',
					fromStage: 'initial_visit',
					exitEndedBy: 'household',
					exitReasonLabel: 'Health',
					recordedAt: new Date('2026-03-02T11:00:00Z'),
					actorName: 'Ada Officer',
				}),
				stageEvent({
					id: 'd',
					kind: 'reopen',
					fromStage: 'initial_visit',
					toStage: 'initial_visit',
					recordedAt: new Date('2026-03-02T12:00:00Z'),
				}),
				stageEvent({ id: 'e', kind: 'completed', fromStage: 'stage_1', recordedAt: new Date('2026-03-02T13:00:00Z') }),
			],
		})
		expect(items.map((item) => item.title)).toEqual([
			'Checks complete',
			'Reopened at Initial visit',
			'Closed at Initial visit',
			'Resumed after a hold',
			'Put on hold',
		])
		expect(items[2]!.details).toContainEqual({ label: 'Who ended it', value: 'Withdrawn by the household' })
		expect(items[2]!.details).toContainEqual({ label: 'Reason', value: 'Health' })
		expect(items[2]!.actor).toBe('Ada Officer')
		expect(items[4]!.details).toContainEqual({ label: 'Review on', value: '1 June 2026' })
	})

	test('the last Stage 1 check arriving is an entry of its own, under the service’s name for Stage 1', () => {
		const event = stageEvent({
			id: 'c',
			kind: 'checks_received',
			fromStage: 'stage_1',
			toStage: null,
			businessDate: '2026-03-05',
			recordedAt: new Date('2026-03-05T09:00:00Z'),
			actorName: 'Ada Officer',
		})
		const [item] = buildTimeline({ ...empty, stageEvents: [event] })
		expect(item).toMatchObject({ title: 'Last Checks check received', actor: 'Ada Officer', type: 'stage' })
		expect(item!.details).toEqual([{ label: 'Date', value: '5 March 2026' }])
		const [plain] = buildTimeline({ ...empty, stageNames: stageNames({}), stageEvents: [event] })
		expect(plain!.title).toBe('Last Stage 1 check received')
	})

	test('entries at the same moment keep one order whatever order they came in', () => {
		const at = new Date('2026-03-02T09:00:00Z')
		const input = {
			...empty,
			notes: [
				{ id: 'a', body: 'one', createdAt: at, authorName: 'A' },
				{ id: 'b', body: 'two', createdAt: at, authorName: 'A' },
			],
		}
		const reversed = { ...input, notes: [...input.notes].reverse() }
		expect(buildTimeline(input)).toEqual(buildTimeline(reversed))
	})
})

describe('dates on the record', () => {
	test('an event recorded on its day keeps its time; one recorded later sits at midday on its date', () => {
		const recordedAt = new Date('2026-07-01T08:30:00Z')
		expect(stageEventInstant({ businessDate: '2026-07-01', recordedAt })).toBe(recordedAt)
		// Midday in London in summer is 11:00 UTC.
		expect(stageEventInstant({ businessDate: '2026-06-30', recordedAt }).toISOString()).toBe('2026-06-30T11:00:00.000Z')
	})

	test('midday is London midday on the days the clocks change', () => {
		const recordedAt = new Date('2026-11-02T09:00:00Z')
		// 29 March 2026: the clocks went forward at 1am, so midday was 11:00 UTC.
		expect(stageEventInstant({ businessDate: '2026-03-29', recordedAt }).toISOString()).toBe('2026-03-29T11:00:00.000Z')
		// 25 October 2026: the clocks went back at 2am, so midday was 12:00 UTC.
		expect(stageEventInstant({ businessDate: '2026-10-25', recordedAt }).toISOString()).toBe('2026-10-25T12:00:00.000Z')
	})

	test('GOV.UK style, in London time', () => {
		expect(formatDate('2026-03-02')).toBe('2 March 2026')
		expect(formatDateTime('2026-07-01T13:05:00Z')).toBe('1 July 2026 at 2:05pm')
		expect(formatDateTime('2026-01-01T09:00:00Z')).toBe('1 January 2026 at 9am')
	})
})
