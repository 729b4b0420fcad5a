import { describe, expect, test } from 'vitest'
import { isBuiltInChannel, keyFromLabel, readExitReasonForm, readStageNamesForm, sameLabel } from './settings.ts'

describe('keys for new reasons and channels', () => {
	test('come from the label in lower-case ASCII with underscores', () => {
		expect(keyFromLabel('Moved abroad (work)', [])).toBe('moved_abroad_work')
		expect(keyFromLabel('  Café – évènement ', [])).toBe('cafe_evenement')
		expect(keyFromLabel('!!!', [])).toBe('item')
	})

	test('are unique: a taken key gets the next free number', () => {
		expect(keyFromLabel('Health', ['health'])).toBe('health_2')
		expect(keyFromLabel('Health', ['health', 'health_2'])).toBe('health_3')
	})

	test('are at most 40 characters and never end in an underscore', () => {
		const key = keyFromLabel('A very long reason for leaving that goes on and on and on', [])
		expect(key.length).toBeLessThanOrEqual(40)
		expect(key).not.toMatch(/_$/)
	})
})

describe('labels', () => {
	test('compare without case or extra spaces', () => {
		expect(sameLabel('Health', '  health ')).toBe(true)
		expect(sameLabel('Went  abroad', 'went abroad')).toBe(true)
		expect(sameLabel('Health', 'Housing')).toBe(false)
	})
})

describe('the new exit reason form', () => {
	test('a household withdrawal needs its Ofsted code', () => {
		expect(readExitReasonForm({ label: 'Moved abroad', endedBy: 'household', ofstedCode: '', nurture: false })).toEqual(
			{
				ok: false,
				errors: [{ field: 'ofstedCode', message: 'Select the Ofsted withdrawal code for this reason' }],
			}
		)
		expect(
			readExitReasonForm({ label: 'Moved abroad', endedBy: 'household', ofstedCode: 'AW3', nurture: true })
		).toEqual({
			ok: true,
			value: { label: 'Moved abroad', endedBy: 'household', ofstedCode: 'AW3', nurture: true },
		})
	})

	test('reasons the service or the panel ended carry no Ofsted withdrawal code', () => {
		const result = readExitReasonForm({
			label: 'Failed medical',
			endedBy: 'service',
			ofstedCode: 'AW3',
			nurture: false,
		})
		expect(result).toEqual({
			ok: true,
			value: { label: 'Failed medical', endedBy: 'service', ofstedCode: null, nurture: false },
		})
	})

	test('asks for the name and who ended it', () => {
		const result = readExitReasonForm({ label: ' ', endedBy: 'nobody', ofstedCode: '', nurture: false })
		expect(result).toEqual({
			ok: false,
			errors: [
				{ field: 'label', message: 'Enter the name of the reason' },
				{ field: 'endedBy', message: 'Select who ended it' },
			],
		})
	})
})

describe('the stage names form', () => {
	const form = (values: Record<string, string>) => (field: string) => values[field] ?? ''

	test('keeps the names given and leaves blank stages to their defaults', () => {
		expect(readStageNamesForm(form({ 'stage-enquiry': ' First  contact ', 'stage-panel': '' }))).toEqual({
			ok: true,
			value: { enquiry: 'First contact' },
		})
	})

	test('refuses long names and two stages with the same name', () => {
		const result = readStageNamesForm(form({ 'stage-enquiry': 'x'.repeat(41), 'stage-application': 'Panel' }))
		expect(result.ok).toBe(false)
		if (result.ok) return
		expect(result.errors).toEqual([
			{ field: 'stage-enquiry', message: 'Stage names must be 40 characters or fewer' },
			{ field: 'stage-application', message: 'Each stage needs its own name: ‘Panel’ is used twice' },
		])
	})
})

describe('channels', () => {
	test('the online form’s own channels are built in', () => {
		expect(isBuiltInChannel('search')).toBe(true)
		expect(isBuiltInChannel('library_stand')).toBe(false)
	})
})
