import crypto from 'node:crypto'
import type { ActionFunctionArgs } from '@remix-run/node'
import { describe, expect, test } from 'vitest'
import { EMAIL_FORMAT_MESSAGE } from '~/domain/email-address.ts'
import type { FieldError } from '~/domain/field-errors.ts'
import { londonDate } from '~/domain/working-days.ts'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import { runRoute, signedInAs, staffRequest } from '../support/staff.ts'

// Every form that takes an email address applies the one rule (app/domain/email-address.ts): an
// address with a NUL or another control character in it is refused with the GOV.UK message, never
// cleaned into a different address and stored or used (issue 12, defect 14).

const { prisma } = await import('~/utils/db.server.ts')
const { getPortalSession, startPortalSession } = await import('~/services/portal-auth.server.ts')
const routes = {
	enquire: await import('~/routes/_enquiry+/enquire.tsx'),
	staffEnquiry: await import('~/routes/staff+/_pipeline+/enquiries.new.tsx'),
	addCarer: await import('~/routes/staff+/_carers+/carers.new.tsx'),
	addUser: await import('~/routes/staff+/_admin+/users.new.tsx'),
	signInLink: await import('~/routes/refer+/_index.tsx'),
	invite: await import('~/routes/refer+/invite.tsx'),
	forgotPassword: await import('~/routes/staff+/_auth+/forgot-password.tsx'),
	login: await import('~/routes/staff+/_auth+/login.tsx'),
}

let clients = 0
type Action = (args: ActionFunctionArgs) => Promise<unknown>
/** Runs an action from a client address of its own, so no rate limit is reached. */
const fromNewClient =
	(action: Action): Action =>
	(args) =>
		action({ ...args, context: { ...args.context, clientIp: `198.51.100.${++clients % 250}` } })

function publicPost(path: string, form: Record<string, string | string[]>, cookie?: string) {
	const body = new URLSearchParams()
	for (const [name, value] of Object.entries(form)) for (const one of [value].flat()) body.append(name, one)
	const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded' })
	if (cookie) headers.set('Cookie', cookie)
	return new Request(`http://localhost${path}`, { method: 'POST', headers, body: body.toString() })
}

function enquiryForm(email: string) {
	const form: Record<string, string | string[]> = {}
	for (const [name, value] of validEnquiryFields({ email })) {
		form[name] = name === 'fosteringInterests' ? [...[form[name] ?? []].flat(), value] : value
	}
	return form
}

/** The message a form's answer gives for its email field, whichever shape its errors take. */
function emailError(data: unknown, field = 'email'): string | undefined {
	const errors = (data as { errors?: FieldError[] | Record<string, string | undefined> } | null)?.errors
	if (Array.isArray(errors)) return errors.find((error) => error.field === field)?.message
	return errors?.[field]
}

async function carerSignedIn() {
	const email = `carer.${crypto.randomUUID().slice(0, 8)}@example.com`
	const carer = await prisma.carer.create({ data: { name: 'Grace Mensah', email, emailNormalized: email } })
	const cookie = (await startPortalSession('carer', carer.id)).split(';')[0]!
	const session = await getPortalSession(
		new Request('http://localhost/refer/home', { headers: { Cookie: cookie } }),
		'carer'
	)
	return { cookie, csrf: session!.csrfToken }
}

const today = londonDate(new Date())

/** Each form that takes an email address: posts `email` and gives the message for that field. */
const FORMS: Record<string, (email: string) => Promise<string | undefined>> = {
	'the enquiry form': async (email) => {
		const answer = await runRoute(fromNewClient(routes.enquire.action), publicPost('/enquire', enquiryForm(email)))
		return emailError(answer.data)
	},
	'an enquiry taken by staff': async (email) => {
		const form = {
			...enquiryForm(email),
			receivedBy: 'phone',
			'receivedOn-day': String(Number(today.slice(8, 10))),
			'receivedOn-month': String(Number(today.slice(5, 7))),
			'receivedOn-year': today.slice(0, 4),
			channel: 'radio',
		}
		const answer = await runRoute(
			routes.staffEnquiry.action,
			staffRequest('/staff/enquiries/new', await signedInAs('officer'), form)
		)
		return emailError(answer.data)
	},
	'adding a carer': async (email) => {
		const form = { name: 'Ada Lovelace', email, phone: '', kind: 'foster_carer' }
		const answer = await runRoute(
			routes.addCarer.action,
			staffRequest('/staff/carers/new', await signedInAs('manager'), form)
		)
		return emailError(answer.data)
	},
	'adding a staff account': async (email) => {
		const form = { name: 'Ada Lovelace', email, role: 'officer' }
		const answer = await runRoute(
			routes.addUser.action,
			staffRequest('/staff/users/new', await signedInAs('administrator'), form)
		)
		return emailError(answer.data)
	},
	'asking for a portal sign-in link': async (email) => {
		const answer = await runRoute(fromNewClient(routes.signInLink.action), publicPost('/refer', { email }))
		return emailError(answer.data)
	},
	'inviting a friend': async (email) => {
		const carer = await carerSignedIn()
		const form = { csrf: carer.csrf, friendName: 'Siobhán', friendEmail: email, consent: 'yes' }
		const answer = await runRoute(routes.invite.action, publicPost('/refer/invite', form, carer.cookie))
		return emailError(answer.data, 'friendEmail')
	},
	'a forgotten password': async (email) => {
		const answer = await runRoute(
			fromNewClient(routes.forgotPassword.action),
			publicPost('/staff/forgot-password', { email })
		)
		return emailError(answer.data)
	},
	'staff sign-in': async (email) => {
		const form = { email, password: 'not the password at all' }
		const answer = await runRoute(fromNewClient(routes.login.action), publicPost('/staff/login', form))
		return emailError(answer.data)
	},
}

describe.each(Object.entries(FORMS))('%s', (_name, submit) => {
	test.each([
		['a NUL', 'jo\u0000e@example.com'],
		['a NUL at the end', 'joe@example.com\u0000'],
		['a backspace', 'jo\u0008e@example.com'],
		['an escape', 'joe@exam\u001bple.com'],
		['a C1 control', 'joe\u0085@example.com'],
	])('an address with %s in it is refused with the GOV.UK message', async (_what, email) => {
		expect(await submit(email)).toBe(EMAIL_FORMAT_MESSAGE)
	})

	test('a good address, with spaces around it, passes the rule', async () => {
		expect(await submit(`  sam.${crypto.randomUUID().slice(0, 8)}@example.com  `)).not.toBe(EMAIL_FORMAT_MESSAGE)
	})
})

test('an enquiry refused for its address stores nothing', async () => {
	const before = await prisma.enquiry.count()
	expect(await FORMS['the enquiry form']!('priya\u0000@example.com')).toBe(EMAIL_FORMAT_MESSAGE)
	expect(await prisma.enquiry.count()).toBe(before)
	expect(await prisma.applicant.count({ where: { email: 'priya@example.com' } })).toBe(0)
})
