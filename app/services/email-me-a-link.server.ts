// The action behind every "email me a link" form (a carer's sign-in link, a staff password link):
// read the address, refuse one that is not an address, slow down one client that asks too often
// with GOV.UK's 429 message, and answer the same whether or not the address is known, so the form
// cannot be used to find out who fosters or works here (docs/decisions/018-rate-limits-and-sign-in-slow-down.md).
import { data, redirect, type ActionFunctionArgs } from '@remix-run/node'
import { emailAddressError, normaliseEmail } from '~/domain/email-address.ts'
import type { FieldError } from '~/domain/field-errors.ts'
import { waitInWords } from '~/domain/rate-limits.ts'
import { wakeOutbox } from '~/integrations/outbox-worker.server.ts'
import { hitRateLimit, type RateLimitName } from '~/models/rate-limits.server.ts'
import { now } from '~/utils/clock.server.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'

/** What the form shows again when it is refused. */
export type EmailMeALinkResult = { errors: FieldError<'email'>[]; email: string }

export type EmailMeALinkOptions = {
	/** The rate limits for one client (answered with a 429) and for one address (answered as if sent). */
	limits: { perClient: RateLimitName; perAddress: RateLimitName }
	/** Queues the link's email if the address is one we send to; true when it queued one. */
	issue: (email: string, at: Date) => Promise<boolean>
	/** The "check your email" page, the same whatever happened. */
	checkEmailPath: string
}

export async function emailMeALink({ request, context }: ActionFunctionArgs, options: EmailMeALinkOptions) {
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.short })
	const email = String(form.get('email') ?? '').trim()
	const error = emailAddressError(email)
	if (error) return data<EmailMeALinkResult>({ errors: [{ field: 'email', message: error }], email }, { status: 400 })
	const at = now()
	const client = await hitRateLimit(options.limits.perClient, context.clientIp, at)
	if (!client.allowed) {
		return data<EmailMeALinkResult>(
			{
				errors: [
					{
						message: `You have asked for too many links. Wait ${waitInWords(client.retryAfterSeconds)}, then try again.`,
					},
				],
				email,
			},
			{ status: 429, headers: { 'Retry-After': String(client.retryAfterSeconds) } }
		)
	}
	// Past the limit for one address the answer stays the same; the links already sent still work.
	if ((await hitRateLimit(options.limits.perAddress, normaliseEmail(email), at)).allowed) {
		if (await options.issue(email, at)) wakeOutbox()
	}
	throw redirect(options.checkEmailPath, 303)
}
