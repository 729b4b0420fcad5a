// Outbox rows as the tests read them. A password or sign-in email keeps its link's token apart
// from its words until the worker sends it (ADR 017); asSent puts it back, as the worker does but
// whether or not the link has run out, so a test can follow the link without sending the email.
import { SECRET_PLACEHOLDER } from '~/domain/email-secrets.ts'

export function asSent<Row extends { text: string; html: string; secret: string | null }>(row: Row): Row {
	if (!row.secret) return row
	const secret = row.secret
	return {
		...row,
		text: row.text.replaceAll(SECRET_PLACEHOLDER, secret),
		html: row.html.replaceAll(SECRET_PLACEHOLDER, secret),
	}
}
