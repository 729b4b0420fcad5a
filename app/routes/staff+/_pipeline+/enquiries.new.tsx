import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { CsrfField } from '~/components/csrf-field.tsx'
import {
	ConsentQuestion,
	EnquiryFields,
	keepFormAfterRefusal,
	SendEnquiryButton,
} from '~/components/enquiry-fields.tsx'
import { DateInput, ErrorSummary, Radios, Select, Textarea, TextInput } from '~/components/form.tsx'
import { PageTitle } from '~/components/page-title.tsx'
import { normaliseReferralCode } from '~/domain/attribution.ts'
import { readSubmissionKey } from '~/domain/enquiry-form.ts'
import {
	readStaffEnquiryValues,
	RECEIVED_BY,
	staffConsentWording,
	staffEnquiryAudit,
	validateStaffEnquiry,
	type StaffEnquiryValues,
} from '~/domain/staff-enquiry.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { stageNames } from '~/domain/stages.ts'
import { londonInstant } from '~/domain/working-days.ts'
import { wakeOutbox } from '~/integrations/outbox-worker.server.ts'
import { listChannels, recordEnquiry } from '~/models/enquiries.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { now, today } from '~/utils/clock.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'

// An enquiry taken by phone or at an event, entered by staff through the public form's questions
// and rules, with how and when it came in. Recorded exactly once (the form's submission key), in a
// household of its own (a possible match if it looks like one already known, ADR 016), and
// acknowledged by email.

const TITLE = 'Add an enquiry'

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(siteFromMatches(matches), TITLE).filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.changeHouseholds })
	const [config, channels] = await Promise.all([getServiceConfig(), listChannels({ activeOnly: true })])
	return {
		csrfToken: session.csrfToken,
		submissionKey: crypto.randomUUID(),
		today: today(),
		serviceName: config.serviceName,
		organisationName: config.organisationName,
		privacyNoticeUrl: config.privacyNoticeUrl,
		channels: channels.map(({ key, label }) => ({ value: key, label })),
	}
}

type ActionResult = { errors: FieldError[]; values: StaffEnquiryValues; submissionKey: string }

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.changeHouseholds })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const submissionKey = readSubmissionKey(form)
	const values = readStaffEnquiryValues(form)

	const [config, channels] = await Promise.all([getServiceConfig(), listChannels({ activeOnly: true })])
	const { user } = session
	const validation = validateStaffEnquiry(values, {
		today: today(),
		actor: { id: user.id, role: user.role },
		stageNames: stageNames(config.stageNames),
		channels,
	})
	if (!validation.ok) return data<ActionResult>({ errors: validation.errors, values, submissionKey }, { status: 400 })

	const { enquiry, receivedBy, eventName, receivedOn, backdateReason, channel } = validation.value
	const { receipt } = await recordEnquiry(
		{
			submissionKey,
			source: receivedBy,
			answers: enquiry,
			attribution: { referralCode: enquiry.referralCode ? normaliseReferralCode(enquiry.referralCode) : undefined },
			channel,
			consentWording: staffConsentWording({
				receivedBy,
				eventName,
				organisationName: config.organisationName,
				officerName: user.name,
			}),
			// Today's enquiry at the time it was entered; an earlier one at midday that day (London).
			receivedAt: receivedOn === today() ? now() : londonInstant(receivedOn, '12:00'),
			staff: { actorId: user.id, role: user.role, backdateReason, audit: staffEnquiryAudit(receivedBy) },
		},
		config
	)
	wakeOutbox()
	throw redirect(`/staff/households/${receipt.householdId}`, 303)
}

export const shouldRevalidate = keepFormAfterRefusal

export default function AddEnquiry() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors: FieldError[] = result?.errors ?? []
	const values = result?.values
	const answers = values?.answers ?? {}

	return (
		<div className="govuk-grid-row">
			<PageTitle title={TITLE} serviceName={page.serviceName} area="staff" error={errors.length > 0} />
			<div className="govuk-grid-column-two-thirds">
				<ErrorSummary errors={errors} />
				<h1 className="govuk-heading-l">{TITLE}</h1>
				<p className="govuk-body">
					For an enquiry taken by phone or at an event. Ask the questions as they are written: they are the ones the
					online form asks. We will email the enquirer their reference.
				</p>

				<Form method="post" noValidate>
					<CsrfField token={page.csrfToken} />
					<input type="hidden" name="submissionKey" value={result?.submissionKey ?? page.submissionKey} />

					<HowItCameIn values={values} errors={errors} today={page.today} channels={page.channels} />

					<EnquiryFields values={answers} errors={errors} />

					<h2 className="govuk-heading-m">Contacting them</h2>
					<ConsentQuestion
						values={answers}
						errors={errors}
						legend="Did they agree to be contacted about fostering?"
						hintBeforeLink="Read them this, and tick only if they agree. They can read our"
						agreement={`They agree to ${page.organisationName} contacting them about fostering by phone, email or text.`}
						privacyNoticeUrl={page.privacyNoticeUrl}
					/>

					<SendEnquiryButton>Add enquiry</SendEnquiryButton>
				</Form>
			</div>
		</div>
	)
}

/** The questions only staff answer: how and when the enquiry came in, and through which channel. */
function HowItCameIn({
	values,
	errors,
	today,
	channels,
}: {
	values: StaffEnquiryValues | undefined
	errors: readonly FieldError[]
	today: string
	channels: readonly { value: string; label: string }[]
}) {
	const [receivedBy, setReceivedBy] = useState(values?.receivedBy ?? '')
	const eventName = (
		<TextInput
			name="eventName"
			label="Name of the event (optional)"
			error={errorFor(errors, 'eventName')}
			defaultValue={values?.eventName}
		/>
	)
	return (
		<>
			<h2 className="govuk-heading-m">How the enquiry came in</h2>
			<Radios
				name="receivedBy"
				legend="How did they get in touch?"
				error={errorFor(errors, 'receivedBy')}
				selected={[receivedBy]}
				onChange={(value) => setReceivedBy(value)}
				choices={RECEIVED_BY.map((option) =>
					option.value === 'event' ? { ...option, conditional: eventName } : option
				)}
			/>
			<DateInput
				name="receivedOn"
				legend="When did they enquire?"
				hint="For example, 27 3 2026. If it was before today, say why below."
				error={errorFor(errors, 'receivedOn')}
				defaultValue={values?.receivedOn ?? today}
			/>
			<Textarea
				name="backdateReason"
				label="Why are you recording it after the day it came in? (only if the date is before today)"
				error={errorFor(errors, 'backdateReason')}
				defaultValue={values?.backdateReason}
				rows={2}
			/>
			<Select
				name="channel"
				label="Channel"
				hint="How they found the service: this is what the funnel figures count"
				error={errorFor(errors, 'channel')}
				options={[{ value: '', label: 'Select a channel' }, ...channels]}
				defaultValue={values?.channel ?? ''}
			/>
		</>
	)
}
