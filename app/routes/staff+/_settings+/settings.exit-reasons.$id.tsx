import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { StaffFormPage } from '~/components/form-page.tsx'
import { RenameForm, RetireForm } from '~/components/settings-record.tsx'
import { RetiredTag } from '~/components/status-tags.tsx'
import type { EndedBy } from '~/domain/exit-reasons.ts'
import { ENDED_BY_LABELS } from '~/domain/settings.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { listExitReasons, renameExitReason, setExitReasonRetired } from '~/models/settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { renameOrRetire } from '~/services/settings-route.server.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { errorFor } from '~/domain/field-errors.ts'

// One exit reason: rename it (its key, and so every history and report, stays), retire it or
// bring it back. There is no delete (see the list page).
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Exit reason').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

async function loadReason(id: string) {
	const reason = (await listExitReasons()).find((one) => one.id === id)
	if (!reason) throw new Response('There is no exit reason here', { status: 404 })
	return reason
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	const reason = await loadReason(params.id ?? '')
	return { csrfToken: session.csrfToken, reason, endedBy: ENDED_BY_LABELS[reason.endedBy as EndedBy] }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const reason = await loadReason(params.id ?? '')
	return renameOrRetire(form, reason.id, {
		listPath: '/staff/settings/exit-reasons',
		what: 'reason',
		missing: 'There is no exit reason here',
		rename: renameExitReason,
		setRetired: setExitReasonRetired,
	})
}

export default function ExitReason() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	const { reason } = page
	return (
		<StaffFormPage
			title={[reason.label, 'Exit reasons']}
			errors={errors}
			back={{ to: '/staff/settings/exit-reasons', text: 'Back to exit reasons' }}
		>
			<span className="govuk-caption-l">Exit reason</span>
			<h1 className="govuk-heading-l">{reason.label}</h1>
			<dl className="govuk-summary-list">
				<div className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">Who ended it</dt>
					<dd className="govuk-summary-list__value">{page.endedBy}</dd>
				</div>
				<div className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">Ofsted code</dt>
					<dd className="govuk-summary-list__value">{reason.ofstedCode ?? 'None'}</dd>
				</div>
				<div className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">Households</dt>
					<dd className="govuk-summary-list__value">{reason.uses}</dd>
				</div>
				<div className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">Status</dt>
					<dd className="govuk-summary-list__value">
						<RetiredTag retired={reason.retired} />
					</dd>
				</div>
			</dl>
			<RenameForm
				csrfToken={page.csrfToken}
				label="Reason"
				hint="Households already closed with this reason will show the new name."
				defaultValue={result?.label ?? reason.label}
				error={errorFor(errors, 'label')}
			/>
			<RetireForm
				csrfToken={page.csrfToken}
				retired={reason.retired}
				noun="reason"
				effect={{
					restore: 'Staff will be able to choose this reason again when a household leaves.',
					retire:
						'Staff will no longer be able to choose this reason. Households already closed with it keep it, and it stays in the reports.',
				}}
			/>
		</StaffFormPage>
	)
}
