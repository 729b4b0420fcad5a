import { describe, expect, test } from 'vitest'
import {
	IMPORT_ERRORS_PER_PAGE,
	IMPORT_MESSAGES,
	IMPORT_RETRY,
	importErrorHeadline,
	importJobView,
	importProgress,
	rowsWithErrors,
} from './import-jobs.ts'
import { afterFailure, mayAttempt } from './retry-policy.ts'

// What the two import pages and the import worker share, checked without a database.

const now = new Date('2026-12-07T10:00:00Z')
const running = {
	totalRows: 1200,
	processedRows: 500,
	attempts: 1,
	lastError: null,
	lockedUntil: new Date('2026-12-07T10:01:00Z'),
}

describe('importProgress', () => {
	test('a claimed import checking rows says how many of how many', () => {
		expect(importProgress(running, now)).toEqual({ phase: 'checking', processed: 500, total: 1200 })
	})

	test('every row checked: it is writing them', () => {
		expect(importProgress({ ...running, processedRows: 1200 }, now)).toEqual({ phase: 'writing', total: 1200 })
	})

	test('not claimed yet, or its worker stopped and the lease ran out: waiting for a worker', () => {
		expect(importProgress({ ...running, attempts: 0, lockedUntil: null }, now)).toEqual({ phase: 'waiting' })
		expect(importProgress({ ...running, lockedUntil: new Date('2026-12-07T09:59:59Z') }, now)).toEqual({
			phase: 'waiting',
		})
	})

	test('after a failed attempt it is waiting to try again: attempt 2 of 3', () => {
		expect(importProgress({ ...running, lockedUntil: null, lastError: 'database busy' }, now)).toEqual({
			phase: 'retrying',
			attempt: 2,
			of: 3,
		})
	})
})

describe('the import retry numbers', () => {
	test('a passing failure waits 30 s, then 2 min, and the third is the last', () => {
		const at = (failedAttempts: number) =>
			afterFailure(IMPORT_RETRY, { failedAttempts, permanent: false, now, random: () => 0 })
		expect(at(1)).toEqual({ status: 'retry', nextAttemptAt: new Date('2026-12-07T10:00:30Z') })
		expect(at(2)).toEqual({ status: 'retry', nextAttemptAt: new Date('2026-12-07T10:02:00Z') })
		expect(at(3).status).toBe('dead')
	})

	test('a clash with records written meanwhile is given up at once', () => {
		expect(afterFailure(IMPORT_RETRY, { failedAttempts: 1, permanent: true, now }).status).toBe('dead')
	})

	test('a fourth claim (three cut off before it) is not run', () => {
		expect([1, 2, 3, 4].map((attempt) => mayAttempt(IMPORT_RETRY, attempt))).toEqual([true, true, true, false])
	})

	test('the dead letter says how many times it stopped', () => {
		expect(IMPORT_MESSAGES.gaveUp(1)).toMatch(/^The import stopped once before/)
		expect(IMPORT_MESSAGES.gaveUp(3)).toMatch(/^The import stopped 3 times before/)
		expect(IMPORT_MESSAGES.clashed('carers')).toContain('one of these carers while it ran')
	})
})

describe('the error summary', () => {
	test('counts rows, not errors', () => {
		const errors = [
			{ row: 3, column: 'Postcode', message: 'a' },
			{ row: 3, column: 'Email', message: 'b' },
			{ row: 7, column: 'Email', message: 'c' },
		]
		expect(rowsWithErrors(errors)).toBe(2)
		expect(importErrorHeadline(errors)).toBe('2 rows have errors: nothing has been imported')
		expect(importErrorHeadline(errors.slice(2))).toBe('1 row has errors: nothing has been imported')
	})

	test('a problem with the file itself is the headline, and rows are not counted', () => {
		const errors = [{ row: null, column: null, message: 'The file has no “Email” column' }]
		expect(rowsWithErrors(errors)).toBeNull()
		expect(importErrorHeadline(errors)).toBe('The file has no “Email” column')
	})
})

describe('importJobView', () => {
	const errors = Array.from({ length: 250 }, (_, i) => ({ row: i + 2, column: 'Email', message: `Problem ${i}` }))
	const job = {
		id: 'job',
		status: 'checked' as const,
		filename: 'a.csv',
		totalRows: 300,
		processedRows: 0,
		importedRows: 0,
		attempts: 0,
		lastError: null,
		lockedUntil: null,
		errors,
	}

	test('shows a page of errors at a time: 250 errors are 3 pages, the last with 50', () => {
		const view = importJobView(job, { page: 3, now })
		expect(view).toMatchObject({ page: 3, pages: 3, errorCount: 250, rowsWithErrors: 250, progress: null })
		expect(view.errors).toHaveLength(250 - 2 * IMPORT_ERRORS_PER_PAGE)
		expect(view.errors[0]!.message).toBe('Problem 200')
	})

	test('a page that is not a number, or past the end, is the nearest page there is', () => {
		expect(importJobView(job, { page: Number.NaN, now }).page).toBe(1)
		expect(importJobView(job, { page: 9, now }).page).toBe(3)
	})

	test('only a running import has progress', () => {
		expect(
			importJobView(
				{ ...job, status: 'importing', errors: [], attempts: 1, lockedUntil: running.lockedUntil },
				{ page: 1, now }
			).progress
		).toEqual({
			phase: 'checking',
			processed: 0,
			total: 300,
		})
	})
})
