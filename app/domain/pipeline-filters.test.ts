import { describe, expect, it } from 'vitest'
import { checkFilterChoices, parsePipelineFilters, pipelineListHref, withoutEmptyParams } from './pipeline-filters.ts'

const parse = (query: string) => parsePipelineFilters(new URLSearchParams(query))

describe('pipeline list filters', () => {
	it('shows the households still at work, nearest deadline first, when nothing is chosen; approved ones only on request', () => {
		const { filters, errors } = parse('')
		expect(errors).toEqual([])
		expect(filters).toEqual({
			stages: ['enquiry', 'initial_contact', 'initial_visit', 'application', 'stage_1', 'stage_2', 'panel'],
			owner: null,
			channel: null,
			route: null,
			statuses: ['open', 'on_hold'],
			deadlines: [],
			enquiredFrom: null,
			enquiredTo: null,
			search: null,
			sort: 'deadline',
			page: 1,
		})
		expect(parse('stage=approved').filters.stages).toEqual(['approved'])
		expect(parse('sort=in_stage').filters.sort).toBe('in_stage')
	})

	it('reads every filter a shared link can carry', () => {
		const { filters, errors } = parse(
			'stage=stage_1&stage=stage_2&owner=ckabc123&channel=paid_social&route=kinship&status=closed' +
				'&from-day=1&from-month=2&from-year=2026&to-day=28&to-month=2&to-year=2026&q=+Priya++Shah+&sort=name&page=3'
		)
		expect(errors).toEqual([])
		expect(filters).toEqual({
			stages: ['stage_1', 'stage_2'],
			owner: 'ckabc123',
			channel: 'paid_social',
			route: 'kinship',
			statuses: ['closed'],
			deadlines: [],
			enquiredFrom: '2026-02-01',
			enquiredTo: '2026-02-28',
			search: 'priya shah',
			sort: 'name',
			page: 3,
		})
	})

	it('reads the response-time filter and the nearest-deadline sort', () => {
		const { filters, errors } = parse('deadline=at_risk&deadline=overdue&deadline=overdue&sort=deadline')
		expect(errors).toEqual([])
		expect(filters).toMatchObject({ deadlines: ['at_risk', 'overdue'], sort: 'deadline' })
		expect(parse('deadline=late').errors).toEqual([{ field: 'deadline', message: 'Select at risk or overdue' }])
		expect(parse('deadline=late&deadline=overdue').filters.deadlines).toEqual([])
	})

	it('searches a phone number by its digits', () => {
		expect(parse('q=%2B44+7700+900123').filters.search).toBe('07700900123')
	})

	it('turns a crafted or mistyped query into GOV.UK messages, one per field', () => {
		const { errors } = parse(
			'stage=nowhere&stage=limbo&route=both&status=gone&sort=random&owner=a%20b&channel=Not+A+Key'
		)
		expect(errors).toEqual([
			{ field: 'stage', message: 'Select stages from the list' },
			{ field: 'owner', message: 'Select an owner from the list' },
			{ field: 'channel', message: 'Select a channel from the list' },
			{ field: 'route', message: 'Select mainstream or kinship' },
			{ field: 'status', message: 'Select open, on hold or closed' },
			{ field: 'sort', message: 'Select how to sort the list' },
		])
	})

	it('gives the Design System’s date messages for a half-filled or impossible date', () => {
		expect(parse('from-day=1&from-year=2026').errors).toEqual([
			{ field: 'from', message: 'Enquiry date from must include a month' },
		])
		expect(parse('to-day=30&to-month=2&to-year=2026').errors).toEqual([
			{ field: 'to', message: 'Enquiry date to must be a real date' },
		])
		expect(parse('from-day=2&from-month=3&from-year=2026&to-day=1&to-month=3&to-year=2026').errors).toEqual([
			{ field: 'to', message: 'Enquiry date to must be the same as or after enquiry date from' },
		])
	})

	it('refuses a search too short or too long to be useful', () => {
		expect(parse('q=a').errors).toEqual([{ field: 'q', message: 'Search must be 2 characters or more' }])
		expect(parse(`q=${'a'.repeat(101)}`).errors).toEqual([
			{ field: 'q', message: 'Search must be 100 characters or fewer' },
		])
	})

	it('keeps what was typed, to show it again beside the messages', () => {
		const { values } = parse('from-day=31&from-month=13&from-year=2026&q=sm')
		expect(values.from).toEqual({ day: '31', month: '13', year: '2026' })
		expect(values.q).toBe('sm')
	})

	it('treats a bad page number as the first page', () => {
		expect(parse('page=0').filters.page).toBe(1)
		expect(parse('page=abc').filters.page).toBe(1)
		expect(parse('page=2.5').filters.page).toBe(1)
	})

	it('checks an owner or channel against the service’s own lists', () => {
		const known = { ownerIds: ['staff1'], channelKeys: ['search'] }
		expect(checkFilterChoices({ owner: 'staff1', channel: 'search' }, known)).toEqual([])
		expect(checkFilterChoices({ owner: 'none', channel: null }, known)).toEqual([])
		expect(checkFilterChoices({ owner: 'staff2', channel: 'carrier_pigeon' }, known)).toEqual([
			{ field: 'owner', message: 'Select an owner from the list' },
			{ field: 'channel', message: 'Select a channel from the list' },
		])
	})

	it('builds the board’s links to the list', () => {
		expect(pipelineListHref({ stages: ['stage_1'] })).toBe('/staff/pipeline/list?stage=stage_1')
		expect(pipelineListHref({ stages: ['enquiry'], route: 'kinship' })).toBe(
			'/staff/pipeline/list?stage=enquiry&route=kinship'
		)
		expect(pipelineListHref({})).toBe('/staff/pipeline/list')
		// The default order is left out of the address; another is named.
		expect(pipelineListHref({ stages: ['enquiry'], deadlines: ['overdue'], sort: 'deadline' })).toBe(
			'/staff/pipeline/list?stage=enquiry&deadline=overdue'
		)
		expect(pipelineListHref({ stages: ['enquiry'], sort: 'in_stage' })).toBe(
			'/staff/pipeline/list?stage=enquiry&sort=in_stage'
		)
	})
})

describe('shareable list addresses', () => {
	it('drops the empty fields a GET form sends', () => {
		expect(withoutEmptyParams(new URLSearchParams('q=smith&owner=&stage=enquiry&from-day=&sort='))).toBe(
			'q=smith&stage=enquiry'
		)
		expect(withoutEmptyParams(new URLSearchParams('q=smith&stage=enquiry'))).toBeNull()
		expect(withoutEmptyParams(new URLSearchParams('owner='))).toBe('')
	})
})
