import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import {
	ConsentQuestion,
	EnquiryFields,
	keepFormAfterRefusal,
	SendEnquiryButton,
} from '~/components/enquiry-fields.tsx'
import { ErrorSummary } from '~/components/form.tsx'
import { PageTitle } from '~/components/page-title.tsx'
import { deriveChannel, normaliseReferralCode, readAttribution } from '~/domain/attribution.ts'
import { waitInWords } from '~/domain/rate-limits.ts'
import { readEnquiryValues, readSubmissionKey, validateEnquiry, type EnquiryValues } from '~/domain/enquiry-form.ts'
import { workingDaysPhrase } from '~/domain/service-config.ts'
import { readReferralCookie } from '~/domain/referral-cookie.ts'
import { readTrap, TRAP_FIELD } from '~/domain/spam-trap.ts'
import { wakeOutbox } from '~/integrations/outbox-worker.server.ts'
import { recordEnquiry } from '~/models/enquiries.server.ts'
import { quarantineEnquiry } from '~/models/quarantine.server.ts'
import { hitRateLimit } from '~/models/rate-limits.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { now } from '~/utils/clock.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { pageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import type { FieldError } from '~/domain/field-errors.ts'

// The public enquiry form (docs/architecture.md, path 1): the answers are checked, counted against
// the client's rate limit and recorded once, and the person is sent to the confirmation page.

const HIDDEN_ATTRIBUTION_FIELDS = [
	'utm_source',
	'utm_medium',
	'utm_campaign',
	'utm_content',
	'landing',
	'site',
] as const
export const meta: MetaFunction = ({ matches }) =>
	// The title is rendered by the page itself so that it can start with "Error: " after a failed
	// submission, which a meta function cannot see.
	pageMeta(siteFromMatches(matches), {
		title: 'Enquire about fostering',
		description:
			'Tell us a little about yourself and we will call you to talk about fostering. It takes about 2 minutes.',
		path: '/enquire',
	}).filter((tag) => !('title' in tag))

// The empty form is never stored, so Back or a new visit fetches a fresh one (with a fresh
// submission key). A refused form, the answer to a POST, is kept in the person's own browser only
// (`private`), never a shared cache: were it `no-store`, Back from the confirmation to it would
// show the browser's "Confirm form resubmission" page with JavaScript off (issue 15). Sent again
// from there it carries the same submission key, so it is still recorded once.
const REFUSED_FORM_CACHE = 'private, no-cache'

export const headers: HeadersFunction = ({ actionHeaders }) => ({
	'Cache-Control': actionHeaders.get('Cache-Control') ?? 'no-store',
})

function consentWording(organisationName: string) {
	return `I agree to ${organisationName} contacting me about fostering by phone, email or text.`
}

export async function loader({ request }: LoaderFunctionArgs) {
	const config = await getServiceConfig()
	const url = new URL(request.url)
	const attribution = Object.fromEntries(
		HIDDEN_ATTRIBUTION_FIELDS.map((name) => [name, url.searchParams.get(name) ?? ''])
	)
	return {
		// A fresh key for this form: every copy of this submission (double click, resend, retry)
		// carries it, and the enquiry is recorded once.
		submissionKey: crypto.randomUUID(),
		attribution,
		// From the carer's link in the address, or kept by the referral cookie when the friend comes
		// back later (ADR 032): shown in the visible field, so the person sees it and can remove it.
		referralCode: url.searchParams.get('ref') ?? readReferralCookie(request.headers.get('Cookie')) ?? '',
		organisationName: config.organisationName,
		serviceName: config.serviceName,
		phone: config.phone,
		phoneHours: config.phoneHours,
		privacyNoticeUrl: config.privacyNoticeUrl,
		firstContact: workingDaysPhrase(config.targets.firstContactWorkingDays),
	}
}

type ActionResult = { errors: FieldError[]; values: EnquiryValues; submissionKey: string; tooMany?: { wait: string } }

export async function action({ request, context }: ActionFunctionArgs) {
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form })
	const submissionKey = readSubmissionKey(form)
	const values = readEnquiryValues(form)

	const validation = validateEnquiry(values)
	if (!validation.ok) {
		return data<ActionResult>(
			{ errors: validation.errors, values, submissionKey },
			{ status: 400, headers: { 'Cache-Control': REFUSED_FORM_CACHE } }
		)
	}

	const limit = await hitRateLimit('enquiryPerClient', context.clientIp, now())
	if (!limit.allowed) {
		return data<ActionResult>(
			{ errors: [], values, submissionKey, tooMany: { wait: waitInWords(limit.retryAfterSeconds) } },
			{
				status: 429,
				headers: { 'Retry-After': String(limit.retryAfterSeconds), 'Cache-Control': REFUSED_FORM_CACHE },
			}
		)
	}

	const config = await getServiceConfig()
	const typedCode = validation.enquiry.referralCode ? normaliseReferralCode(validation.enquiry.referralCode) : undefined
	const carried = readAttribution((name) => form.get(name) as string | null)
	const attribution = { ...carried, referralCode: typedCode }
	const enquiry = {
		submissionKey,
		source: 'web' as const,
		answers: validation.enquiry,
		attribution,
		// The code in the form came with the carer's link unless the person typed another.
		referralVia: typedCode && carried.referralCode === typedCode ? ('link' as const) : ('code' as const),
		channel: deriveChannel({
			...attribution,
			howHeard: validation.enquiry.howHeard,
			hasReferralCode: Boolean(typedCode),
		}),
		consentWording: consentWording(config.organisationName),
		receivedAt: new Date(),
	}

	// The spam trap: people never see it, but a browser might still fill it in. Held back for
	// staff to release or delete, never thrown away, and answered as any other enquiry.
	const trapValue = readTrap(form)
	if (trapValue) {
		const { reference } = await quarantineEnquiry({ ...enquiry, trapValue })
		throw redirect(`/enquire/confirmation?reference=${encodeURIComponent(reference)}`, 303)
	}

	const { receipt } = await recordEnquiry(enquiry, config)
	// Send the acknowledgement now rather than at the next poll.
	wakeOutbox()
	throw redirect(`/enquire/confirmation?reference=${encodeURIComponent(receipt.reference)}`, 303)
}

export const shouldRevalidate = keepFormAfterRefusal

export default function Enquire() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const values: EnquiryValues = result?.values ?? { referralCode: page.referralCode }
	const errors: FieldError[] = result?.errors ?? []
	const summary = result?.tooMany
		? [
				{
					message: `You have sent several enquiries in a short time. Wait ${result.tooMany.wait}, then try again, or call us on ${page.phone}.`,
				},
			]
		: errors

	return (
		<div className="govuk-grid-row">
			<PageTitle title="Enquire about fostering" serviceName={page.serviceName} error={summary.length > 0} />
			<div className="govuk-grid-column-two-thirds">
				<ErrorSummary errors={summary} />
				<h1 className="govuk-heading-l">Enquire about fostering</h1>
				<p className="govuk-body-l">
					Tell us a little about yourself. It takes about 2 minutes, and we will call you within {page.firstContact}.
				</p>
				<p className="govuk-body">
					If you would rather talk to us now, call {page.phone} ({page.phoneHours}).
				</p>

				{/* Posted by the browser itself even inside the hydrated app, so the confirmation is always a
				    page of its own, which sends the analytics goal (ADR 026). */}
				<Form method="post" noValidate reloadDocument>
					<input type="hidden" name="submissionKey" value={result?.submissionKey ?? page.submissionKey} />
					{HIDDEN_ATTRIBUTION_FIELDS.map((name) => (
						<input key={name} type="hidden" name={name} value={page.attribution[name] ?? ''} />
					))}
					<SpamTrap />

					<EnquiryFields values={values} errors={errors} />

					<h2 className="govuk-heading-m">Contacting you</h2>
					<ConsentQuestion
						values={values}
						errors={errors}
						legend="Can we contact you about fostering?"
						hintBeforeLink="We will use your details only to talk to you about fostering. Read our"
						agreement={consentWording(page.organisationName)}
						privacyNoticeUrl={page.privacyNoticeUrl}
					/>

					<SendEnquiryButton>Send enquiry</SendEnquiryButton>
				</Form>
			</div>
		</div>
	)
}

/**
 * The spam trap (app/domain/spam-trap.ts): off-screen, hidden from assistive technology, out of
 * the tab order, and named so that no browser or password manager fills it in.
 */
function SpamTrap() {
	return (
		<div className="app-honeypot" aria-hidden="true">
			<label htmlFor={TRAP_FIELD}>Leave this box empty</label>
			<input
				id={TRAP_FIELD}
				name={TRAP_FIELD}
				type="text"
				tabIndex={-1}
				autoComplete="off"
				data-1p-ignore="true"
				data-lpignore="true"
				data-bwignore="true"
				data-form-type="other"
				defaultValue=""
			/>
		</div>
	)
}
