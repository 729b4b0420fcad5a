import type { LoaderFunctionArgs } from '@remix-run/node'
import { REFERRAL_PERIOD } from '~/domain/referral-report.ts'
import { REFERRAL_TABLES, referralTable } from '~/domain/referral-report-tables.ts'
import { parsePeriod } from '~/domain/report-period.ts'
import { chosenTable, csvFileName } from '~/domain/report-table.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { stageNames } from '~/domain/stages.ts'
import { loadReferralReport } from '~/models/referral-report.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { csvRefusal, tableCsvResponse } from '~/utils/csv-response.server.ts'

// The referral report's tables as CSV, for the same period as the page: ?table=stages (referred
// households against others) or ?table=months (referrals and bonuses by month), from the same
// definitions as the page (app/domain/referral-report-tables.ts). Aggregates only.

export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.viewReferralReports })
	const params = new URL(request.url).searchParams
	const table = chosenTable(params, REFERRAL_TABLES)
	if (!table) return csvRefusal('Choose one of the referral report’s tables', 404)
	const { period, errors } = parsePeriod(params, today(), REFERRAL_PERIOD)
	if (!period) return csvRefusal(errors.map((error) => error.message).join('\n'), 400)
	const [report, config] = await Promise.all([loadReferralReport(period), getServiceConfig()])
	return tableCsvResponse(
		referralTable(table, report, stageNames(config.stageNames)),
		csvFileName('referrals', table, period)
	)
}
