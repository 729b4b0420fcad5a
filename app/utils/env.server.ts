import net from 'node:net'
import { z } from 'zod'

// Every setting the server reads from its environment, validated once at start-up. Secrets come
// only from here; .env.example lists each with a safe default for local use.
const optionalUrl = z
	.string()
	.trim()
	.transform((value) => (value === '' ? undefined : value))
	.pipe(z.url().optional())
	.optional()

function optionalText() {
	return z
		.string()
		.trim()
		.transform((value) => (value === '' ? undefined : value))
		.optional()
}

const EnvSchema = z
	.object({
		NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
		PORT: z.coerce.number().int().positive().default(3000),
		DATABASE_URL: z.string().default('file:./.data/app.db'),
		// The one address of this service (https://fostering.example.gov.uk): every absolute link in
		// emails, the sitemap, robots.txt and canonical tags is made from it, never from the request
		// (app/utils/site-url.server.ts). Required in production; elsewhere http://localhost:PORT.
		PUBLIC_URL: optionalUrl,
		// smtp://user:pass@host:port or smtps://... Without it, mail is written to MAILBOX_DIR.
		SMTP_URL: optionalUrl,
		// Overrides who every email comes from ("Name <address>"), for a mail relay that sends from one
		// address only. Unset, emails come from the service's name and sender in its settings (ADR 032).
		MAIL_FROM: z
			.string()
			.trim()
			.optional()
			.transform((value) => value || undefined),
		MAILBOX_DIR: z.string().default('./.data/mailbox'),
		OUTBOX_POLL_MS: z.coerce.number().int().positive().default(1000),
		// Plausible is off unless both are set.
		PLAUSIBLE_DOMAIN: z.string().trim().optional(),
		PLAUSIBLE_HOST: optionalUrl,
		// Enquiries accepted from one client address in ENQUIRY_RATE_WINDOW_S seconds.
		ENQUIRY_RATE_LIMIT: z.coerce.number().int().positive().default(10),
		ENQUIRY_RATE_WINDOW_S: z.coerce.number().int().positive().default(600),
		// Which proxies in front of the server may say who the client is (X-Forwarded-For): a number
		// of hops, `loopback`, `linklocal`, `uniquelocal`, or addresses and subnets separated by commas.
		// Empty: no proxy is trusted, and the client is the address that connected.
		TRUST_PROXY: z
			.string()
			.default('')
			.transform((value, ctx) => {
				const parsed = parseTrustProxy(value)
				if (parsed === null) {
					ctx.addIssue({
						code: 'custom',
						message:
							'TRUST_PROXY must be empty, a number of proxies (1 for one load balancer), loopback, linklocal, uniquelocal, or IP addresses and subnets separated by commas',
					})
					return z.NEVER
				}
				return parsed
			}),
		// Starts the server's clock at this instant (ISO 8601) instead of now; it runs on from there.
		// For training and demonstrations ("it is Monday 9am"), and for end-to-end tests of deadlines.
		CLOCK_STARTS_AT: z
			.string()
			.trim()
			.transform((value) => (value === '' ? undefined : value))
			.pipe(z.iso.datetime({ offset: true }).optional())
			.optional(),
		// Stripe Connect pays refer-a-friend bonuses; it is off unless STRIPE_SECRET_KEY is set
		// (ADR 011). The webhook secret(s) come from the webhook endpoints in Stripe's dashboard:
		// several may be given, separated by commas (one endpoint for the platform's events, one for
		// the connected accounts').
		STRIPE_SECRET_KEY: optionalText(),
		STRIPE_WEBHOOK_SECRET: optionalText(),
		// Another address for Stripe's API (a stand-in for tests, e.g. http://127.0.0.1:4242).
		STRIPE_API_URL: optionalUrl,
		STRIPE_POLL_MS: z.coerce.number().int().positive().default(5000),
	})
	.superRefine((env, ctx) => {
		if (env.NODE_ENV === 'production' && !env.PUBLIC_URL) {
			ctx.addIssue({
				code: 'custom',
				path: ['PUBLIC_URL'],
				message:
					'Set PUBLIC_URL to the address people use to reach this service, like https://fostering.example.gov.uk. Links in emails, the sitemap and canonical tags are made from it, never from the request.',
			})
		}
		if (env.PUBLIC_URL) {
			const url = new URL(env.PUBLIC_URL)
			if (
				!['http:', 'https:'].includes(url.protocol) ||
				url.pathname !== '/' ||
				url.search ||
				url.hash ||
				url.username
			) {
				ctx.addIssue({
					code: 'custom',
					path: ['PUBLIC_URL'],
					message: 'PUBLIC_URL must be an http or https origin with no path, like https://fostering.example.gov.uk',
				})
			}
		}
	})

export type Env = z.infer<typeof EnvSchema>

/** Express's `trust proxy` setting, or null when the text is none of the forms it documents. */
export function parseTrustProxy(text: string): number | string[] | false | null {
	const value = text.trim()
	if (value === '') return false
	if (/^\d+$/.test(value)) return Number(value)
	const parts = value.split(',').map((part) => part.trim())
	const named = ['loopback', 'linklocal', 'uniquelocal']
	const valid = parts.every((part) => {
		if (named.includes(part)) return true
		const [address, bits, ...rest] = part.split('/')
		const family = net.isIP(address ?? '')
		if (family === 0 || rest.length > 0) return false
		if (bits === undefined) return true
		return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)
	})
	return valid ? parts : null
}

let cached: Env | undefined

/** The settings in `source`, or an error that lists every setting that is wrong and why. */
export function parseEnv(source: Record<string, string | undefined>): Env {
	const parsed = EnvSchema.safeParse(source)
	if (!parsed.success) throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`)
	return parsed.data
}

export function getEnv(): Env {
	cached ??= parseEnv(process.env)
	return cached
}

export function plausibleConfig(env: Env = getEnv()) {
	return env.PLAUSIBLE_DOMAIN && env.PLAUSIBLE_HOST ? { domain: env.PLAUSIBLE_DOMAIN, host: env.PLAUSIBLE_HOST } : null
}

export type StripeConfig = {
	secretKey: string
	webhookSecrets: string[]
	/** Where the API is, when not Stripe's own (tests). */
	api?: { host: string; port: number; protocol: 'http' | 'https' }
	pollMs: number
}

/** Stripe's settings, or null when Stripe is not configured (bonuses are then paid another way). */
export function stripeConfig(env: Env = getEnv()): StripeConfig | null {
	if (!env.STRIPE_SECRET_KEY) return null
	const webhookSecrets = (env.STRIPE_WEBHOOK_SECRET ?? '')
		.split(',')
		.map((secret) => secret.trim())
		.filter(Boolean)
	let api: StripeConfig['api']
	if (env.STRIPE_API_URL) {
		const url = new URL(env.STRIPE_API_URL)
		const protocol = url.protocol === 'http:' ? 'http' : 'https'
		api = { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol }
	}
	return { secretKey: env.STRIPE_SECRET_KEY, webhookSecrets, api, pollMs: env.STRIPE_POLL_MS }
}

/** Whether bonuses can be paid through Stripe here. */
export function stripeConfigured(): boolean {
	return stripeConfig() !== null
}
