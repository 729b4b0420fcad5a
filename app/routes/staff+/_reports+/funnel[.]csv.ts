import type { LoaderFunctionArgs } from '@remix-run/node'
import { allowedBreakdowns, parseFunnelQuery } from '~/domain/funnel.ts'
import { FUNNEL_TABLES, funnelTable } from '~/domain/funnel-tables.ts'
import { chosenTable, csvFileName } from '~/domain/report-table.ts'
import { ROLES_THAT, roleCan } from '~/domain/staff.ts'
import { funnelChannels, loadFunnel } from '~/models/funnel.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { csvRefusal, tableCsvResponse } from '~/utils/csv-response.server.ts'

// Each of the funnel page's tables as CSV (?table=stages|exits|time|national|months|breakdown|kinship
// with the page's own filters), from the same definitions as the page (app/domain/funnel-tables.ts)
// so the file has the page's headings and rows. Aggregates only, like the page.

export async function loader({ request }: LoaderFunctionArgs) {
	const { user } = await requireStaff(request, { roles: ROLES_THAT.viewFunnel })
	const params = new URL(request.url).searchParams
	const table = chosenTable(params, FUNNEL_TABLES)
	if (!table) return csvRefusal('Choose one of the funnel’s tables', 404)
	const channels = await funnelChannels()
	const { query, errors } = parseFunnelQuery(
		params,
		today(),
		channels.map((channel) => channel.key),
		allowedBreakdowns(roleCan(user.role, 'viewHouseholds'))
	)
	if (!query) return csvRefusal(errors.map((error) => error.message).join('\n'), 400)
	// Only the statements this one table needs.
	const funnel = await loadFunnel(query, await getServiceConfig(), table)
	return tableCsvResponse(
		funnelTable(table, funnel),
		csvFileName('funnel', table, query.mode, query.channel, query.period)
	)
}
