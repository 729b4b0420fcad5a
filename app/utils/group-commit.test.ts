import { describe, expect, test } from 'vitest'
import { GroupCommit, type BatchOutcome } from './group-commit.ts'

describe('GroupCommit', () => {
	test('items submitted together are written in one batch; items arriving during a write go in the next', async () => {
		const batches: number[][] = []
		let release: () => void = () => {}
		const writer = new GroupCommit<number, number>(async (items) => {
			batches.push(items)
			if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve))
			return items.map((item): BatchOutcome<number> => ({ ok: true, value: item * 10 }))
		})
		const first = [writer.submit(1), writer.submit(2), writer.submit(3)]
		await new Promise((resolve) => setImmediate(resolve))
		const second = [writer.submit(4), writer.submit(5)]
		release()
		expect(await Promise.all([...first, ...second])).toEqual([10, 20, 30, 40, 50])
		expect(batches).toEqual([
			[1, 2, 3],
			[4, 5],
		])
	})

	test('each caller gets its own outcome, and a failed batch rejects every caller in it', async () => {
		const writer = new GroupCommit<string, string>(async (items) => {
			if (items.includes('boom')) throw new Error('disk full')
			return items.map((item) =>
				item === 'bad' ? { ok: false, error: new Error('refused') } : { ok: true, value: item }
			)
		})
		const outcomes = await Promise.allSettled([writer.submit('good'), writer.submit('bad')])
		expect(outcomes).toMatchObject([
			{ status: 'fulfilled', value: 'good' },
			{ status: 'rejected', reason: { message: 'refused' } },
		])
		await expect(writer.submit('boom')).rejects.toThrow('disk full')
		// The writer keeps working after a failure.
		await expect(writer.submit('again')).resolves.toBe('again')
	})

	test('no batch is larger than the limit', async () => {
		const sizes: number[] = []
		const writer = new GroupCommit<number, number>(async (items) => {
			sizes.push(items.length)
			return items.map((item) => ({ ok: true, value: item }))
		}, 4)
		await Promise.all(Array.from({ length: 10 }, (_, index) => writer.submit(index)))
		expect(sizes).toEqual([4, 4, 2])
	})
})
