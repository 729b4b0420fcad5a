import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { ErrorSummary, TextInput } from '~/components/form.tsx'
import { PageTitle } from '~/components/page-title.tsx'
import { RetiredTag } from '~/components/status-tags.tsx'
import type { EndedBy } from '~/domain/exit-reasons.ts'
import { ENDED_BY_LABELS, readNameForm } from '~/domain/settings.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { listExitReasons, renameExitReason, setExitReasonRetired } from '~/models/settings.server.ts'
import { requireStaff } from '~/utils/auth.server.ts'
import { now } from '~/utils/clock.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import type { FieldError } from '~/domain/field-errors.ts'

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

type ActionResult = { errors: FieldError<'label'>[]; label: string }

export async function action({ request, params }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const reason = await loadReason(params.id ?? '')
	const intent = String(form.get('intent') ?? '')
	if (intent === 'retire' || intent === 'restore') {
		await setExitReasonRetired(reason.id, intent === 'retire', now())
		throw redirect(`/staff/settings/exit-reasons?done=${intent === 'retire' ? 'retired' : 'restored'}`, 303)
	}
	if (intent !== 'rename') throw new Response('Unknown action', { status: 400 })
	const { label, error } = readNameForm(String(form.get('label') ?? ''), 'reason')
	if (error) return data<ActionResult>({ errors: [{ field: 'label', message: error }], label }, { status: 400 })
	const outcome = await renameExitReason(reason.id, label)
	if (!outcome.ok) {
		if ('missing' in outcome) throw new Response('There is no exit reason here', { status: 404 })
		return data<ActionResult>({ errors: [{ field: 'label', message: outcome.error }], label }, { status: 409 })
	}
	throw redirect('/staff/settings/exit-reasons?done=saved', 303)
}

export default function ExitReason() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	const errors = result?.errors ?? []
	const { reason } = page
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<PageTitle title={[reason.label, 'Exit reasons']} serviceName={serviceName} area="staff" error={errors.length > 0} />
				<Link to="/staff/settings/exit-reasons" className="govuk-back-link">
					Back to exit reasons
				</Link>
				<ErrorSummary errors={errors} />
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
				<h2 className="govuk-heading-m">Rename</h2>
				<Form method="post" noValidate>
					<CsrfField token={page.csrfToken} />
					<input type="hidden" name="intent" value="rename" />
					<TextInput
						name="label"
						label="Reason"
						hint="Households already closed with this reason will show the new name."
						defaultValue={result?.label ?? reason.label}
						error={errors[0]?.message}
					/>
					<button type="submit" className="govuk-button" data-module="govuk-button">
						Save name
					</button>
				</Form>
				<h2 className="govuk-heading-m">{reason.retired ? 'Bring back' : 'Retire'}</h2>
				<Form method="post">
					<CsrfField token={page.csrfToken} />
					<input type="hidden" name="intent" value={reason.retired ? 'restore' : 'retire'} />
					<p className="govuk-body">
						{reason.retired
							? 'Staff will be able to choose this reason again when a household leaves.'
							: 'Staff will no longer be able to choose this reason. Households already closed with it keep it, and it stays in the reports.'}
					</p>
					<button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
						{reason.retired ? 'Bring back this reason' : 'Retire this reason'}
					</button>
				</Form>
			</div>
		</div>
	)
}
