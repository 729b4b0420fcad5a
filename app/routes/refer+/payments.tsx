import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { BONUS_PAYMENT_WAYS_TITLE, BonusPaymentWays } from '~/components/bonus-payment-ways.tsx'
import { FormPage } from '~/components/form-page.tsx'
import type { StripeAccountStatus } from '~/domain/stripe-payments.ts'
import { stripeGateway } from '~/integrations/stripe.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { carerPaymentSetup, refreshStripeAccount, startStripeOnboarding } from '~/models/stripe-accounts.server.ts'
import { requirePortalSession } from '~/services/portal-auth.server.ts'
import { siteUrl } from '~/utils/site-url.server.ts'
import { PORTAL_HEADERS, PORTAL_META } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'

// Where a carer sets up being paid their bonuses through Stripe (ADR 011). Setting up makes their
// Stripe Express account (once) and sends them to Stripe's own forms; Stripe sends them back here,
// and the page asks Stripe how the account stands. Without Stripe the page says how the service
// pays instead: a manager pays each approved bonus by bank transfer, with the allowance or by
// cheque, records it, and the carer is emailed (staff+/_carers+/bonuses.$id.tsx, ADR 011).

export const meta: MetaFunction = () => PORTAL_META
export const headers = () => PORTAL_HEADERS

const UNREACHABLE = 'We could not reach Stripe. Try again in a few minutes.'

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requirePortalSession(request, 'carer')
	const [config, setup] = await Promise.all([getServiceConfig(), carerPaymentSetup(session.subjectId)])
	if (!setup) throw new Response('Not found', { status: 404 })
	const gateway = stripeGateway()
	let status: StripeAccountStatus | null = setup.status
	// Back from Stripe (or just looking): what Stripe says now, unless it is unreachable.
	if (gateway && setup.connected && status !== 'enabled') {
		status = await refreshStripeAccount(gateway, session.subjectId).catch(() => status)
	}
	return { serviceName: config.serviceName, csrfToken: session.csrfToken, configured: gateway !== null, status }
}

export async function action({ request }: ActionFunctionArgs) {
	const session = await requirePortalSession(request, 'carer')
	// The button sends no answers: reading the form checks where it came from and its CSRF token.
	await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const gateway = stripeGateway()
	if (!gateway) throw new Response('Not found', { status: 404 })
	const here = siteUrl('/refer/payments')
	let onboarding: string | null
	try {
		onboarding = await startStripeOnboarding(gateway, { carerId: session.subjectId, returnUrl: here, refreshUrl: here })
	} catch {
		return data({ error: UNREACHABLE }, { status: 503 })
	}
	if (!onboarding) throw new Response('Not found', { status: 404 })
	throw redirect(onboarding, 303)
}

const BUTTON_LABELS: Record<'none' | StripeAccountStatus, string> = {
	none: 'Set up payments with Stripe',
	pending: 'Continue setting up with Stripe',
	restricted: 'Give Stripe the information it needs',
	enabled: '',
}

export default function ReferPayments() {
	const page = useLoaderData<typeof loader>()
	const answer = useActionData<typeof action>()
	const errors = answer?.error ? [{ message: answer.error }] : []
	const status = page.status ?? 'none'
	const title = page.configured ? 'Get paid by bank transfer' : BONUS_PAYMENT_WAYS_TITLE
	return (
		<FormPage
			title={title}
			serviceName={page.serviceName}
			errors={errors}
			back={{ to: '/refer/home', text: 'Back to refer a friend' }}
		>
			<h1 className="govuk-heading-xl">{title}</h1>

			{!page.configured ? (
				<BonusPaymentWays />
			) : status === 'enabled' ? (
				<>
					<div className="govuk-panel govuk-panel--confirmation">
						<h2 className="govuk-panel__title">You are set up to be paid</h2>
					</div>
					<p className="govuk-body">
						When we approve a bonus for you, we pay it through Stripe into the bank account you gave Stripe. We email
						you when it has been paid.
					</p>
				</>
			) : (
				<>
					{status === 'pending' ? (
						<p className="govuk-inset-text">You have started setting up payments but have not finished yet.</p>
					) : null}
					{status === 'restricted' ? (
						<p className="govuk-inset-text">
							Stripe needs more information from you before it can pay you. Until then, we cannot pay your bonuses
							through Stripe.
						</p>
					) : null}
					<p className="govuk-body">
						We pay refer-a-friend bonuses straight into your bank account through Stripe, a payments company.
					</p>
					<p className="govuk-body">
						Stripe will ask for your name, date of birth, address and bank details, and may ask for proof of your
						identity. You give these to Stripe, not to us: we never see your bank details. It usually takes about 5
						minutes.
					</p>
					<Form method="post">
						<CsrfField token={page.csrfToken} />
						<button type="submit" className="govuk-button" data-module="govuk-button">
							{BUTTON_LABELS[status]}
						</button>
					</Form>
					<p className="govuk-body">
						If you would rather not use Stripe, you do not need to do anything: we will pay your bonuses another way.
					</p>
				</>
			)}
		</FormPage>
	)
}
