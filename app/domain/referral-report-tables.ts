// The referral report's tables (app/domain/report-table.ts), drawn by the page and written by its
// CSV download from the same definition, so the file has the page's headings and rows.

import { formatShare, type ReferralMonth, type SpendMonth, type StageConversion } from './referral-report.ts'
import { columns, type ReportTable } from './report-table.ts'
import type { StageKey } from './stages.ts'

export const REFERRAL_TABLES = ['stages', 'months'] as const
export type ReferralTableKey = (typeof REFERRAL_TABLES)[number]

/** What the tables are drawn from: the report's figures (app/models/referral-report.server.ts). */
export type ReferralFigures = {
	conversion: { stages: readonly StageConversion[] }
	referralsByMonth: readonly ReferralMonth[]
	spendByMonth: readonly SpendMonth[]
}

const whole = (value: number) => value.toLocaleString('en-GB')

export function referralStagesTable(
	stages: readonly StageConversion[],
	names: Record<StageKey, string>
): ReportTable<ReferralTableKey> {
	return {
		key: 'stages',
		caption: 'Households reaching each stage, referred and others',
		columns: columns(
			['Stage', 'text'],
			['Referred households', 'number'],
			['Share of referred', 'number'],
			['Other households', 'number'],
			['Share of others', 'number']
		),
		rows: stages.map((row) => [
			names[row.stage],
			whole(row.referred.reached),
			formatShare(row.referred.share),
			whole(row.others.reached),
			formatShare(row.others.share),
		]),
	}
}

/** Referrals made and bonuses paid, month by month (the two lists have the same months). */
export function referralMonthsTable(
	referrals: readonly ReferralMonth[],
	spend: readonly SpendMonth[]
): ReportTable<ReferralTableKey> {
	return {
		key: 'months',
		caption: 'Referrals and bonuses, by month',
		columns: columns(
			['Month', 'month'],
			['Referrals made', 'number'],
			['Counted', 'number'],
			['Not eligible', 'number'],
			['Bonuses paid', 'number'],
			['Amount paid', 'pounds']
		),
		rows: referrals.map((month, index) => [
			month.month,
			whole(month.made),
			whole(month.counted),
			whole(month.notEligible),
			whole(spend[index]!.bonuses),
			spend[index]!.pence,
		]),
	}
}

/** Each table by its key (the page draws them all, the CSV one). */
export function referralTable(
	key: ReferralTableKey,
	figures: ReferralFigures,
	names: Record<StageKey, string>
): ReportTable<ReferralTableKey> {
	return key === 'stages'
		? referralStagesTable(figures.conversion.stages, names)
		: referralMonthsTable(figures.referralsByMonth, figures.spendByMonth)
}
