// Dates in emails are shown as people in England read them, in Europe/London time whatever the
// server's own time zone, in the GOV.UK style: "Monday 23 November 2026 at 2:05pm", "at 9am",
// "at midday".

const londonParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/London',
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	hour: 'numeric',
	minute: '2-digit',
	hour12: true,
})

export function formatLondonDateTime(date: Date): string {
	const parts: Record<string, string> = {}
	for (const part of londonParts.formatToParts(date)) parts[part.type] = part.value
	const period = (parts.dayPeriod ?? '').toLowerCase().replace(/[^apm]/g, '')
	const hour = parts.hour === '0' ? '12' : parts.hour
	let time = parts.minute === '00' ? `${hour}${period}` : `${hour}:${parts.minute}${period}`
	if (time === '12am') time = 'midnight'
	if (time === '12pm') time = 'midday'
	return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year} at ${time}`
}
