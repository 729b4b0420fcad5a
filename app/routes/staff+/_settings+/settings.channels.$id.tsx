import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { ErrorSummary, TextInput } from '~/components/form.tsx'
import { PageTitle } from '~/components/page-title.tsx'
import { RetiredTag } from '~/components/status-tags.tsx'
import { isBuiltInChannel, readNameForm } from '~/domain/settings.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { listChannels, renameChannel, setChannelRetired } from '~/models/settings.server.ts'
import { requireStaff } from '~/utils/auth.server.ts'
import { now } from '~/utils/clock.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'

// One channel: rename it (its key stays), retire it or bring it back. The online form's own
// channels cannot be retired: the form keeps sorting enquiries into them.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Channel').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

const BUILT_IN_REFUSAL =
	'The online enquiry form sorts enquiries into this channel, so it cannot be retired. You can rename it.'

async function loadChannel(id: string) {
	const channel = (await listChannels()).find((one) => one.id === id)
	if (!channel) throw new Response('There is no channel here', { status: 404 })
	return { ...channel, builtIn: isBuiltInChannel(channel.key) }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	return { csrfToken: session.csrfToken, channel: await loadChannel(params.id ?? '') }
}

type ActionResult = { errors: FieldError<'label'>[]; label?: string }

export async function action({ request, params }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const channel = await loadChannel(params.id ?? '')
	const intent = String(form.get('intent') ?? '')
	if (intent === 'retire' || intent === 'restore') {
		if (intent === 'retire' && channel.builtIn) {
			return data<ActionResult>({ errors: [{ message: BUILT_IN_REFUSAL }] }, { status: 409 })
		}
		await setChannelRetired(channel.id, intent === 'retire', now())
		throw redirect(`/staff/settings/channels?done=${intent === 'retire' ? 'retired' : 'restored'}`, 303)
	}
	if (intent !== 'rename') throw new Response('Unknown action', { status: 400 })
	const { label, error } = readNameForm(String(form.get('label') ?? ''), 'channel')
	if (error) return data<ActionResult>({ errors: [{ field: 'label', message: error }], label }, { status: 400 })
	const outcome = await renameChannel(channel.id, label)
	if (!outcome.ok) {
		if ('missing' in outcome) throw new Response('There is no channel here', { status: 404 })
		return data<ActionResult>({ errors: [{ field: 'label', message: outcome.error }], label }, { status: 409 })
	}
	throw redirect('/staff/settings/channels?done=saved', 303)
}

export default function Channel() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	const errors = result?.errors ?? []
	const { channel } = page
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<PageTitle title={[channel.label, 'Channels']} serviceName={serviceName} area="staff" error={errors.length > 0} />
				<Link to="/staff/settings/channels" className="govuk-back-link">
					Back to channels
				</Link>
				<ErrorSummary errors={errors} />
				<span className="govuk-caption-l">Channel</span>
				<h1 className="govuk-heading-l">{channel.label}</h1>
				<dl className="govuk-summary-list">
					<div className="govuk-summary-list__row">
						<dt className="govuk-summary-list__key">Enquiries</dt>
						<dd className="govuk-summary-list__value">{channel.uses}</dd>
					</div>
					<div className="govuk-summary-list__row">
						<dt className="govuk-summary-list__key">Used by the online form</dt>
						<dd className="govuk-summary-list__value">{channel.builtIn ? 'Yes' : 'No'}</dd>
					</div>
					<div className="govuk-summary-list__row">
						<dt className="govuk-summary-list__key">Status</dt>
						<dd className="govuk-summary-list__value">
							<RetiredTag retired={channel.retired} />
						</dd>
					</div>
				</dl>
				<h2 className="govuk-heading-m">Rename</h2>
				<Form method="post" noValidate>
					<CsrfField token={page.csrfToken} />
					<input type="hidden" name="intent" value="rename" />
					<TextInput
						name="label"
						label="Channel"
						hint="Enquiries already in this channel will show the new name."
						defaultValue={result?.label ?? channel.label}
						error={errorFor(errors, 'label')}
					/>
					<button type="submit" className="govuk-button" data-module="govuk-button">
						Save name
					</button>
				</Form>
				{channel.builtIn && !channel.retired ? (
					<>
						<h2 className="govuk-heading-m">Retire</h2>
						<p className="govuk-body">{BUILT_IN_REFUSAL}</p>
					</>
				) : (
					<>
						<h2 className="govuk-heading-m">{channel.retired ? 'Bring back' : 'Retire'}</h2>
						<Form method="post">
							<CsrfField token={page.csrfToken} />
							<input type="hidden" name="intent" value={channel.retired ? 'restore' : 'retire'} />
							<p className="govuk-body">
								{channel.retired
									? 'Staff will be able to choose this channel again.'
									: 'Staff will no longer be able to choose this channel. Enquiries already in it keep it, and it stays in the reports.'}
							</p>
							<button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
								{channel.retired ? 'Bring back this channel' : 'Retire this channel'}
							</button>
						</Form>
					</>
				)}
			</div>
		</div>
	)
}
