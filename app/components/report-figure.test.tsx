import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { columns, type ReportTable } from '~/domain/report-table.ts'
import { BarChart } from './charts.tsx'
import { DataTable } from './data-table.tsx'
import { HeadlineFigures, ReportFigure } from './report-figure.tsx'

const table: ReportTable = {
	key: 'weekly',
	caption: 'Enquiry to first personal contact, by week',
	columns: columns(
		['Week starting', 'date'],
		['Enquiries', 'number'],
		['Share within target', 'number'],
		['Clock', 'text']
	),
	rows: [
		['2026-01-05', '1,204', '67%', 'First contact'],
		['2026-01-12', '2', null, 'First contact'],
	],
}

describe('a report figure', () => {
	const html = renderToStaticMarkup(
		<ReportFigure
			heading="Share within target, week by week"
			level={3}
			id="weekly-share"
			title="Share of enquiries contacted within target, by week"
			summary="67% of enquiries were contacted within target (2 of 3)."
			note="Weeks with no outcome yet show a dash."
			chart={(naming) => (
				<BarChart
					{...naming}
					values={[{ label: '5 Jan', value: 0.67 }]}
					max={1}
					format={(value) => `${Math.round(value * 100)}%`}
					axisLabel="Share"
				/>
			)}
			table={table}
			csvHref="/staff/reports/response-times.csv?table=weekly"
		>
			<p>How to read it.</p>
		</ReportFigure>
	)

	test('is a heading, the chart named and described by its summary, the summary, then the table', () => {
		expect(html).toMatch(
			/^<h3 class="govuk-heading-m">Share within target, week by week<\/h3><figure class="app-chart-figure"><svg/
		)
		expect(html).toContain('<title id="weekly-share-title">Share of enquiries contacted within target, by week</title>')
		expect(html).toContain(
			'<desc id="weekly-share-desc">67% of enquiries were contacted within target (2 of 3). Weeks with no outcome yet show a dash. The same figures are in the table below.</desc>'
		)
		expect(html).toContain(
			'</svg><figcaption class="govuk-body">67% of enquiries were contacted within target (2 of 3).</figcaption></figure><p>How to read it.</p><div class="app-table-scroll"'
		)
		expect(html).toContain(
			'Download this table (CSV)<span class="govuk-visually-hidden"> – Enquiry to first personal contact, by week</span>'
		)
	})

	test('without a heading or a table, it is the chart, wide and narrow, and its summary alone', () => {
		const bare = renderToStaticMarkup(
			<ReportFigure
				id="x"
				title="X"
				summary="Nothing yet."
				chart={(naming) => <svg id={naming.id} data-layout={naming.layout} aria-label={naming.description} />}
			/>
		)
		const label = 'aria-label="Nothing yet. The same figures are in the table below."'
		expect(bare).toBe(
			`<figure class="app-chart-figure"><svg id="x" data-layout="wide" ${label}></svg><svg id="x-narrow" data-layout="narrow" ${label}></svg><figcaption class="govuk-body">Nothing yet.</figcaption></figure>`
		)
	})
})

describe('a data table', () => {
	const html = renderToStaticMarkup(<DataTable table={table} />)

	test('names each row, right-aligns figures, writes dates as words and none as a dash', () => {
		expect(html).toContain('<table class="govuk-table" data-table="weekly">')
		expect(html).toContain('<th scope="col" class="govuk-table__header govuk-table__header--numeric">Enquiries</th>')
		expect(html).toContain('<th scope="col" class="govuk-table__header">Clock</th>')
		expect(html).toContain('<th scope="row" class="govuk-table__header app-nowrap">5 Jan 2026</th>')
		expect(html).toContain('<td class="govuk-table__cell govuk-table__cell--numeric">1,204</td>')
		expect(html).toContain('<td class="govuk-table__cell govuk-table__cell--numeric">–</td>')
		expect(html).toContain('<td class="govuk-table__cell">First contact</td>')
		expect(html).not.toContain('Download')
	})

	test('says so instead of an empty table, hides a caption a heading already gives, and can link a cell', () => {
		expect(
			renderToStaticMarkup(<DataTable table={{ ...table, rows: [] }} empty="No enquiries in this period." />)
		).toBe('<p class="govuk-body">No enquiries in this period.</p>')
		const rich = renderToStaticMarkup(
			<DataTable
				table={table}
				labelledBy="clocks-heading"
				renderCell={(column, row, text) => (column === 3 && row === 0 ? <a href="/clock">{text}</a> : undefined)}
			/>
		)
		expect(rich).toContain('class="govuk-table__caption govuk-visually-hidden"')
		expect(rich).toContain('role="region" aria-labelledby="clocks-heading" tabindex="0"')
		expect(rich).toContain('<td class="govuk-table__cell"><a href="/clock">First contact</a></td>')
		expect(rich).toContain('<td class="govuk-table__cell">First contact</td>')
	})
})

test('headline figures are a summary list', () => {
	expect(renderToStaticMarkup(<HeadlineFigures figures={[{ label: 'Referrals made', value: 3 }]} />)).toBe(
		'<dl class="govuk-summary-list"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Referrals made</dt><dd class="govuk-summary-list__value">3</dd></div></dl>'
	)
})
