import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from '@remix-run/react'
import { useState } from 'react'
import { Checkboxes, ErrorSummary, Radios, Textarea, TextInput } from '~/components/form.tsx'
import { deriveChannel, HOW_HEARD_OPTIONS, normaliseReferralCode, readAttribution } from '~/domain/attribution.ts'
import {
	BEST_TIMES,
	FOSTERING_INTERESTS,
	NOT_SURE,
	orderedErrors,
	readEnquiryValues,
	SPARE_BEDROOM_OPTIONS,
	validateEnquiry,
	type EnquiryValues,
	type FieldErrors,
} from '~/domain/enquiry-form.ts'
import { workingDaysPhrase } from '~/domain/service-config.ts'
import { wakeOutbox } from '~/integrations/outbox-worker.server.ts'
import { recordEnquiry } from '~/models/enquiries.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { enquiryRateLimiter } from '~/utils/enquiry-rate-limit.server.ts'
import { publicOrigin } from '~/utils/request.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { pageMeta } from '~/utils/seo.ts'

const HIDDEN_ATTRIBUTION_FIELDS = [
	'utm_source',
	'utm_medium',
	'utm_campaign',
	'utm_content',
	'landing',
	'site',
] as const
const MAX_BODY_BYTES = 64 * 1024
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const meta: MetaFunction = ({ matches }) =>
	// The title is rendered by the page itself so that it can start with "Error: " after a failed
	// submission, which a meta function cannot see.
	pageMeta(siteFromMatches(matches), {
		title: 'Enquire about fostering',
		description:
			'Tell us a little about yourself and we will call you to talk about fostering. It takes about 2 minutes.',
		path: '/enquire',
	}).filter((tag) => !('title' in tag))

// The page can hold what someone typed (after an error): never keep it in a shared cache, and
// always fetch a fresh form (with a fresh submission key) on Back.
export const headers = () => ({ 'Cache-Control': 'no-store' })

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
		referralCode: url.searchParams.get('ref') ?? '',
		organisationName: config.organisationName,
		serviceName: config.serviceName,
		phone: config.phone,
		phoneHours: config.phoneHours,
		privacyNoticeUrl: config.privacyNoticeUrl,
		firstContact: workingDaysPhrase(config.targets.firstContactWorkingDays),
	}
}

type ActionResult = { errors: FieldErrors; values: EnquiryValues; submissionKey: string; tooMany?: boolean }

export async function action({ request, context }: ActionFunctionArgs) {
	if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
		throw new Response('Request too large', { status: 413 })
	}
	const form = await request.formData()
	const submittedKey = String(form.get('submissionKey') ?? '')
	const submissionKey = UUID.test(submittedKey) ? submittedKey.toLowerCase() : crypto.randomUUID()
	const values = readEnquiryValues(form)

	// The honeypot: people never see this field; bots fill it in. Answer as if all went well.
	if (String(form.get('website') ?? '') !== '') {
		enquiryRateLimiter().tryHit(context.clientIp)
		throw redirect('/enquire/confirmation', 303)
	}

	const validation = validateEnquiry(values)
	if (!validation.ok) {
		return data<ActionResult>({ errors: validation.errors, values, submissionKey }, { status: 400 })
	}

	const limit = enquiryRateLimiter().tryHit(context.clientIp)
	if (!limit.allowed) {
		return data<ActionResult>(
			{ errors: {}, values, submissionKey, tooMany: true },
			{ status: 429, headers: { 'Retry-After': String(Math.ceil(limit.retryAfterMs / 1000)) } }
		)
	}

	const config = await getServiceConfig()
	const typedCode = validation.enquiry.referralCode ? normaliseReferralCode(validation.enquiry.referralCode) : undefined
	const attribution = { ...readAttribution((name) => form.get(name) as string | null), referralCode: typedCode }
	const { receipt } = await recordEnquiry(
		{
			submissionKey,
			source: 'web',
			answers: validation.enquiry,
			attribution,
			channel: deriveChannel({
				...attribution,
				howHeard: validation.enquiry.howHeard,
				hasReferralCode: Boolean(typedCode),
			}),
			consentWording: consentWording(config.organisationName),
			receivedAt: new Date(),
		},
		config,
		publicOrigin(request)
	)
	// Send the acknowledgement now rather than at the next poll.
	wakeOutbox()
	throw redirect(`/enquire/confirmation?reference=${encodeURIComponent(receipt.reference)}`, 303)
}

// After a refused submission the page's own data has not changed: keep it (and its key).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
	actionResult && typeof actionResult === 'object' && 'errors' in actionResult ? false : defaultShouldRevalidate

export default function Enquire() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const navigation = useNavigation()
	const values: EnquiryValues = result?.values ?? { referralCode: page.referralCode }
	const errors: FieldErrors = result?.errors ?? {}
	const summary = result?.tooMany
		? [
				{
					message: `You have sent several enquiries in a short time. Wait a few minutes and try again, or call us on ${page.phone}.`,
				},
		  ]
		: orderedErrors(errors)
	const text = (field: keyof EnquiryValues) => {
		const value = values[field]
		return typeof value === 'string' ? value : ''
	}

	const [kinship, setKinship] = useState(text('kinship'))
	const [howHeard, setHowHeard] = useState(text('howHeard'))
	const [interests, setInterests] = useState<string[]>(
		Array.isArray(values.fosteringInterests) ? values.fosteringInterests : []
	)
	// "I'm not sure yet" excludes the other choices, as in the Design System's checkboxes.
	const toggleInterest = (value: string, checked: boolean) =>
		setInterests((current) =>
			!checked
				? current.filter((item) => item !== value)
				: value === NOT_SURE
				? [NOT_SURE]
				: [...current.filter((item) => item !== NOT_SURE), value]
		)

	return (
		<div className="govuk-grid-row">
			<title>{`${summary.length > 0 ? 'Error: ' : ''}Enquire about fostering – ${page.serviceName}`}</title>
			<div className="govuk-grid-column-two-thirds">
				<ErrorSummary errors={summary} />
				<h1 className="govuk-heading-l">Enquire about fostering</h1>
				<p className="govuk-body-l">
					Tell us a little about yourself. It takes about 2 minutes, and we will call you within {page.firstContact}.
				</p>
				<p className="govuk-body">
					If you would rather talk to us now, call {page.phone} ({page.phoneHours}).
				</p>

				<Form method="post" noValidate>
					<input type="hidden" name="submissionKey" value={result?.submissionKey ?? page.submissionKey} />
					{HIDDEN_ATTRIBUTION_FIELDS.map((name) => (
						<input key={name} type="hidden" name={name} value={page.attribution[name] ?? ''} />
					))}
					<div className="app-honeypot" aria-hidden="true">
						<label htmlFor="website">Leave this field empty</label>
						<input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
					</div>

					<h2 className="govuk-heading-m">About you</h2>
					<TextInput
						name="firstName"
						label="First name"
						error={errors.firstName}
						defaultValue={text('firstName')}
						autoComplete="given-name"
						spellCheck={false}
						widthClass="govuk-!-width-two-thirds"
					/>
					<TextInput
						name="lastName"
						label="Last name"
						error={errors.lastName}
						defaultValue={text('lastName')}
						autoComplete="family-name"
						spellCheck={false}
						widthClass="govuk-!-width-two-thirds"
					/>
					<TextInput
						name="email"
						label="Email address"
						hint="We will send a copy of your enquiry here"
						type="email"
						error={errors.email}
						defaultValue={text('email')}
						autoComplete="email"
						spellCheck={false}
					/>
					<TextInput
						name="phone"
						label="Phone number"
						hint="For international numbers include the country code"
						type="tel"
						error={errors.phone}
						defaultValue={text('phone')}
						autoComplete="tel"
						widthClass="govuk-input--width-20"
					/>
					<TextInput
						name="postcode"
						label="Postcode"
						error={errors.postcode}
						defaultValue={text('postcode')}
						autoComplete="postal-code"
						spellCheck={false}
						widthClass="govuk-input--width-10"
					/>
					<Radios
						name="bestTimeToCall"
						legend="When is the best time to call you?"
						error={errors.bestTimeToCall}
						choices={BEST_TIMES}
						selected={[text('bestTimeToCall')]}
					/>

					<h2 className="govuk-heading-m">Your home</h2>
					<Radios
						name="spareBedroom"
						legend="Do you have a spare bedroom?"
						hint="A child in foster care needs a bedroom of their own"
						error={errors.spareBedroom}
						choices={SPARE_BEDROOM_OPTIONS}
						selected={[text('spareBedroom')]}
					/>
					<Textarea
						name="householdMembers"
						label="Who lives in your home?"
						hint="For example: me, my partner and our children aged 8 and 12. Include anyone who lives with you, and the ages of any children."
						error={errors.householdMembers}
						defaultValue={text('householdMembers')}
						rows={3}
					/>

					<h2 className="govuk-heading-m">Fostering</h2>
					<Radios
						name="kinship"
						legend="Do you want to care for a child you already know?"
						hint="For example a grandchild, niece or nephew, or a friend's child. This is called kinship or family and friends care, and a different team will help you."
						error={errors.kinship}
						inline={false}
						selected={[kinship]}
						onChange={(value) => setKinship(value)}
						choices={[
							{
								value: 'yes',
								label: 'Yes',
								conditional: (
									<Textarea
										name="kinshipDetails"
										label="Tell us about the child and your connection to them (optional)"
										error={errors.kinshipDetails}
										defaultValue={text('kinshipDetails')}
										rows={3}
									/>
								),
							},
							{ value: 'no', label: 'No' },
						]}
					/>
					<Checkboxes
						name="fosteringInterests"
						legend="What kinds of fostering are you interested in?"
						hint="Select all that apply"
						error={errors.fosteringInterests}
						choices={[...FOSTERING_INTERESTS, { value: NOT_SURE, label: 'I’m not sure yet' }]}
						dividerBefore={NOT_SURE}
						selected={interests}
						onChange={toggleInterest}
					/>

					<h2 className="govuk-heading-m">How you found us</h2>
					<Radios
						name="howHeard"
						legend="How did you hear about us?"
						error={errors.howHeard}
						selected={[howHeard]}
						onChange={(value) => setHowHeard(value)}
						choices={HOW_HEARD_OPTIONS.map((option) =>
							option.value === 'other'
								? {
										value: option.value,
										label: option.label,
										conditional: (
											<TextInput
												name="howHeardOther"
												label="Where did you hear about us?"
												error={errors.howHeardOther}
												defaultValue={text('howHeardOther')}
											/>
										),
								  }
								: { value: option.value, label: option.label }
						)}
					/>
					<TextInput
						name="referralCode"
						label="Referral code (optional)"
						hint="If a foster carer gave you a referral code, enter it here"
						error={errors.referralCode}
						defaultValue={text('referralCode')}
						autoComplete="off"
						spellCheck={false}
						widthClass="govuk-input--width-10"
					/>

					<h2 className="govuk-heading-m">Contacting you</h2>
					<Checkboxes
						name="consent"
						legend="Can we contact you about fostering?"
						hint={
							<>
								We will use your details only to talk to you about fostering. Read our{' '}
								<a className="govuk-link" href={page.privacyNoticeUrl} target="_blank" rel="noreferrer">
									privacy notice (opens in new tab)
								</a>
								.
							</>
						}
						error={errors.consent}
						choices={[{ value: 'yes', label: consentWording(page.organisationName) }]}
						selected={[text('consent')]}
					/>

					<button
						type="submit"
						className="govuk-button"
						data-module="govuk-button"
						data-prevent-double-click="true"
						aria-disabled={navigation.state === 'submitting' ? true : undefined}
					>
						Send enquiry
					</button>
				</Form>
			</div>
		</div>
	)
}
