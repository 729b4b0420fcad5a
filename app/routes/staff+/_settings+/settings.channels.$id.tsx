import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { StaffFormPage } from '~/components/form-page.tsx'
import { RenameForm, RetireForm } from '~/components/settings-record.tsx'
import { RetiredTag } from '~/components/status-tags.tsx'
import { isBuiltInChannel } from '~/domain/settings.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { listChannels, renameChannel, setChannelRetired } from '~/models/settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { renameOrRetire } from '~/services/settings-route.server.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { errorFor } from '~/domain/field-errors.ts'

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

export async function action({ request, params }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const channel = await loadChannel(params.id ?? '')
	return renameOrRetire(form, channel.id, {
		listPath: '/staff/settings/channels',
		what: 'channel',
		missing: 'There is no channel here',
		rename: renameChannel,
		setRetired: setChannelRetired,
		retireRefusal: channel.builtIn ? BUILT_IN_REFUSAL : null,
	})
}

export default function Channel() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	const { channel } = page
	return (
		<StaffFormPage
			title={[channel.label, 'Channels']}
			errors={errors}
			back={{ to: '/staff/settings/channels', text: 'Back to channels' }}
		>
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
			<RenameForm
				csrfToken={page.csrfToken}
				label="Channel"
				hint="Enquiries already in this channel will show the new name."
				defaultValue={result?.label ?? channel.label}
				error={errorFor(errors, 'label')}
			/>
			{channel.builtIn && !channel.retired ? (
				<>
					<h2 className="govuk-heading-m">Retire</h2>
					<p className="govuk-body">{BUILT_IN_REFUSAL}</p>
				</>
			) : (
				<RetireForm
					csrfToken={page.csrfToken}
					retired={channel.retired}
					noun="channel"
					effect={{
						restore: 'Staff will be able to choose this channel again.',
						retire:
							'Staff will no longer be able to choose this channel. Enquiries already in it keep it, and it stays in the reports.',
					}}
				/>
			)}
		</StaffFormPage>
	)
}
