import type { LoaderFunctionArgs } from '@remix-run/node'
import { toCsv } from '~/domain/csv.ts'
import { allowedBreakdowns, parseFunnelQuery } from '~/domain/funnel.ts'
import {
	FUNNEL_TABLES,
	breakdownTable,
	csvRowsOf,
	exitsTable,
	monthsTable,
	nationalTable,
	stagesTable,
	timeTable,
	type FunnelTableKey,
	type TextTable,
} from '~/domain/funnel-tables.ts'
import { ROLES_THAT, roleCan } from '~/domain/staff.ts'
import { funnelChannels, loadFunnel, type Funnel } from '~/models/funnel.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/utils/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { STAFF_HEADERS } from '~/utils/seo.ts'

// Each of the funnel page's tables as CSV (?table=stages|exits|time|national|months|kinship with
// the page's own filters), built by the same functions as the page so the numbers match it.
// Aggregates only, like the page.

const plain = (text: string, status: number) =>
	new Response(text, { status, headers: { ...STAFF_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })

function tableOf(key: FunnelTableKey, funnel: Funnel): TextTable {
	const rows = funnel.mainstream.rows
	switch (key) {
		case 'stages':
			return stagesTable(rows, funnel.mode, 'stages', funnel.comparison)
		case 'exits':
			return exitsTable(rows, funnel.mode)
		case 'time':
			return timeTable(rows)
		case 'national':
			return nationalTable(rows)
		case 'months':
			return monthsTable(funnel.months)
		case 'breakdown':
			return breakdownTable(funnel.breakdown, funnel.mode, funnel.breakdownBy)
		case 'kinship':
			return stagesTable(funnel.kinship.rows, funnel.mode, 'kinship')
	}
}

export async function loader({ request }: LoaderFunctionArgs) {
	const { user } = await requireStaff(request, { roles: ROLES_THAT.viewFunnel })
	const url = new URL(request.url)
	const table = url.searchParams.get('table') ?? ''
	if (!(FUNNEL_TABLES as readonly string[]).includes(table)) return plain('Choose one of the funnel’s tables', 404)
	const channels = await funnelChannels()
	const { query, errors } = parseFunnelQuery(
		url.searchParams,
		today(),
		channels.map((channel) => channel.key),
		allowedBreakdowns(roleCan(user.role, 'viewHouseholds'))
	)
	if (!query) return plain(errors.map((error) => error.message).join('\n'), 400)
	const funnel = await loadFunnel(query, await getServiceConfig(), table as FunnelTableKey)
	const { from, to } = query.period
	const channel = query.channel ? `-${query.channel}` : ''
	return new Response(`\uFEFF${toCsv(csvRowsOf(tableOf(table as FunnelTableKey, funnel)))}`, {
		headers: {
			...STAFF_HEADERS,
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="funnel-${table}-${query.mode}${channel}-${from}-to-${to}.csv"`,
		},
	})
}
