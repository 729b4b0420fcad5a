// Driving a server with autocannon for the benches that measure throughput (bench:enquiry,
// bench:public), and describing a run the same way in each.
import os from 'node:os'
import autocannon from 'autocannon'

/** A browser's user agent: pages stream to browsers as they would to people (crawlers get them whole). */
export const BROWSER_UA =
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36'

/** A page fetched as a browser asks for it, compressed. */
export function pageRequest(path: string): autocannon.Request {
	return { method: 'GET', path, headers: { 'user-agent': BROWSER_UA, accept: 'text/html', 'accept-encoding': 'gzip' } }
}

export type Run = { result: autocannon.Result; label: string; errorKinds: Map<string, number> }

/** One autocannon run against `origin`; Ctrl-C stops it early. */
export function runLoad(origin: string, label: string, options: Omit<autocannon.Options, 'url'>): Promise<Run> {
	return new Promise((resolve, reject) => {
		// What went wrong, by kind (ECONNREFUSED, ECONNRESET, timed out...), for the summary.
		const errorKinds = new Map<string, number>()
		const instance = autocannon({ url: origin, ...options }, (error, result) => {
			if (error) reject(error)
			else resolve({ result, label, errorKinds })
		})
		instance.on('reqError', (error: unknown) => {
			const kind = (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error))
			errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1)
		})
		const stop = () => instance.stop()
		process.once('SIGINT', stop)
		instance.on('done', () => process.off('SIGINT', stop))
	})
}

/** Errors as the benches count them: socket errors and timeouts, and answers outside 2xx/3xx. */
export function errorCount(result: autocannon.Result) {
	return result.errors + result['1xx'] + result['4xx'] + result['5xx']
}

export const round = (value: number, places = 1) => Math.round(value * 10 ** places) / 10 ** places

/** The middle value, unrounded (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b)
	const middle = Math.floor(sorted.length / 2)
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export function describeRun({ result, label, errorKinds }: Run) {
	const kinds = [...errorKinds].map(([kind, count]) => `${kind}×${count}`).join(' ')
	const codes = Object.entries(result.statusCodeStats ?? {})
		.map(([code, { count }]) => `${code}×${count ?? 0}`)
		.join(' ')
	return [
		`${label}`,
		`  requests/s  ${round(result.requests.average)} (${result.requests.total} in ${result.duration} s)`,
		`  latency     p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
		`  errors      ${errorCount(result)} (socket errors ${result.errors - result.timeouts}, ` +
			`timeouts ${result.timeouts}, 1xx/4xx/5xx ${result['1xx'] + result['4xx'] + result['5xx']})`,
		`  answers     ${codes || 'none'}`,
		...(kinds ? [`  error kinds ${kinds}`] : []),
	].join('\n')
}

/** The machine's load averages over 1, 5 and 15 minutes: the benches share two cores with others. */
export function loadAverage() {
	return os
		.loadavg()
		.map((value) => value.toFixed(2))
		.join(', ')
}
