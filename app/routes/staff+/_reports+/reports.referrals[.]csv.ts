import type { LoaderFunctionArgs } from '@remix-run/node'
import { spreadsheetSafe, toCsv } from '~/domain/csv.ts'
import { formatShare, parseReferralReportQuery } from '~/domain/referral-report.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { stageNames } from '~/domain/stages.ts'
import { loadReferralReport } from '~/models/referral-report.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/utils/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { STAFF_HEADERS } from '~/utils/seo.ts'

// The referral report's tables as CSV, for the same period as the page: ?table=months (referrals
// and bonuses by month) or ?table=stages (referred households against others). Aggregates only.

const plain = (text: string, status: number) =>
	new Response(text, { status, headers: { ...STAFF_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })

/** Pounds as a spreadsheet reads them: 250.00, no symbol or separators. */
const pounds = (pence: number) => (pence / 100).toFixed(2)

export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.viewReferralReports })
	const url = new URL(request.url)
	const table = url.searchParams.get('table')
	if (table !== 'months' && table !== 'stages') return plain('Choose the months or the stages', 404)
	const { period, errors } = parseReferralReportQuery(url.searchParams, today())
	if (!period) return plain(errors.map((error) => error.message).join('\n'), 400)
	const report = await loadReferralReport(period)

	let rows: string[][]
	if (table === 'months') {
		rows = [
			['Month', 'Referrals made', 'Counted', 'Not eligible', 'Bonuses paid', 'Amount paid (£)'],
			...report.referralsByMonth.map((month, index) => [
				month.month,
				String(month.made),
				String(month.counted),
				String(month.notEligible),
				String(report.spendByMonth[index]!.bonuses),
				pounds(report.spendByMonth[index]!.pence),
			]),
		]
	} else {
		const names = stageNames((await getServiceConfig()).stageNames)
		rows = [
			['Stage', 'Referred households', 'Share of referred', 'Other households', 'Share of others'],
			...report.conversion.stages.map((row) => [
				spreadsheetSafe(names[row.stage]),
				String(row.referred.reached),
				row.referred.share === null ? '' : formatShare(row.referred.share),
				String(row.others.reached),
				row.others.share === null ? '' : formatShare(row.others.share),
			]),
		]
	}
	// A byte order mark, so Excel opens the file as UTF-8.
	return new Response(`\uFEFF${toCsv(rows)}`, {
		headers: {
			...STAFF_HEADERS,
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="referrals-${table}-${period.from}-to-${period.to}.csv"`,
		},
	})
}
