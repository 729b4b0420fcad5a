import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { ErrorSummary, Radios, Textarea } from '~/components/form.tsx'
import { revalidateAfterStale, SubmitOrCancel, type ActionErrors } from '~/components/household.tsx'
import { MatchComparison, matchHref } from '~/components/possible-matches.tsx'
import { describeMatchedOn, readMatchDecision } from '~/domain/possible-matches.ts'
import { rolesFor } from '~/domain/household-actions.ts'
import { formatDateTime } from '~/domain/working-days.ts'
import { recordAudit } from '~/models/audit.server.ts'
import { confirmMatch, DECIDED_MESSAGE, loadMatch, mergedInto, rejectMatch } from '~/models/possible-matches.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { backToRecord, invalid, postedForm, refused } from '~/services/household-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { errorFor } from '~/domain/field-errors.ts'

// A possible match (docs/decisions/016): the new enquiry's household and the one it may be, side
// by side, and one question for an officer: are they the same household? Yes merges the new one
// into the known one; no leaves both. Reached from the notice on either household's record.

export const meta: MetaFunction = () => staffPageMeta(undefined, 'Possible match').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

/**
 * Who may come and which match, as householdActionPage does for one household; not through it,
 * because this page is about two, and one of them may have been merged away since the link was made.
 */
async function load(request: Request, params: { id?: string; matchId?: string }) {
	const session = await requireStaff(request, { roles: rolesFor('decide_match') })
	const householdId = params.id ?? ''
	const loaded = await loadMatch(params.matchId ?? '', householdId)
	if (!loaded) {
		// An old link through the household that was merged away: the match is on the kept one.
		const kept = await mergedInto(householdId)
		if (kept) throw redirect(matchHref(kept, params.matchId ?? ''), 303)
		throw new Response('Possible match not found', { status: 404 })
	}
	return { session, householdId, ...loaded }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { session, householdId, match, newHousehold, existingHousehold, stageNames } = await load(request, params)
	// The page shows both households' personal data.
	await recordAudit(
		prisma,
		[newHousehold?.id, existingHousehold.id].flatMap((id) =>
			id
				? [{ actorId: session.user.id, householdId: id, action: 'viewed' as const, detail: 'Viewed a possible match' }]
				: []
		)
	)
	return { householdId, match, newHousehold, existingHousehold, stageNames, csrfToken: session.csrfToken }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { session, householdId, match } = await load(request, params)
	const { form, answers } = await postedForm(request, { session, household: { id: householdId } }, [
		'decision',
		'keep',
		'reason',
	])
	const read = readMatchDecision(form)
	if (!read.ok) return invalid(read.errors, answers)
	// A page left open while a colleague decided (the page now shows their decision).
	if (match.status !== 'open') return refused({ ok: false, error: DECIDED_MESSAGE, field: null }, answers)
	const decision = {
		matchId: match.id,
		actor: session.user,
		newVersion: Number(form.get('newVersion')) || 0,
		reason: read.value.reason,
	}
	if (read.value.same) {
		const result = await confirmMatch({
			...decision,
			existingVersion: Number(form.get('existingVersion')) || 0,
			keep: read.value.keep,
		})
		if (!result.ok) return refused(result, answers)
		return backToRecord(result.value.existingId, 'match-confirmed')
	}
	const result = await rejectMatch(decision)
	if (!result.ok) return refused(result, answers)
	return backToRecord(householdId, 'match-rejected')
}

export default function PossibleMatch() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	const { match, newHousehold, existingHousehold } = page
	const newName = newHousehold ? newHousehold.displayName || newHousehold.reference : match.newReference
	return (
		<>
			<title>{`${errors.length > 0 ? 'Error: ' : ''}Possible match – ${newName}`}</title>
			<Link to={`/staff/households/${page.householdId}`} className="govuk-back-link">
				Back to the household
			</Link>
			<ErrorSummary errors={errors.map((error) => ({ field: error.field ?? undefined, message: error.message }))} />
			<span className="govuk-caption-l">
				{match.newReference} and {existingHousehold.reference}
			</span>
			<h1 className="govuk-heading-l">Possible match</h1>
			<p className="govuk-body">
				{describeMatchedOn(match.matchedOn)}. A new enquiry may be from a household we already know, or from someone
				else: anyone can type an email address. Nothing on the known household changes, and a referral on the new
				enquiry earns nothing, until you decide.
			</p>
			<MatchComparison
				newHousehold={newHousehold}
				existingHousehold={existingHousehold}
				matchedOn={match.matchedOn}
				stageNames={page.stageNames}
			/>
			{match.status !== 'open' || !newHousehold ? (
				<Decided match={match} existingReference={existingHousehold.reference} />
			) : (
				<DecisionForm
					page={page}
					newHousehold={newHousehold}
					newName={newName}
					errors={errors}
					values={result?.values ?? {}}
				/>
			)}
		</>
	)
}

type MatchPage = SerializeFrom<typeof loader>

/** A match already decided (or whose new household has gone): who decided what, and why. */
function Decided({ match, existingReference }: { match: MatchPage['match']; existingReference: string }) {
	const who = match.decidedBy ?? 'A member of staff'
	const when = match.decidedAt ? ` on ${formatDateTime(match.decidedAt)}` : ''
	return (
		<div className="govuk-inset-text" data-testid="match-decision">
			{match.status === 'confirmed'
				? `${who} confirmed these are the same household${when}, and ${match.newReference} was merged into ${existingReference}.`
				: `${who} decided these are different households${when}.`}
			{match.reason ? ` Reason: ${match.reason}` : ''}
		</div>
	)
}

/** The one question: are they the same household? If so, whose contact details to keep. */
function DecisionForm({
	page,
	newHousehold,
	newName,
	errors,
	values,
}: {
	page: MatchPage
	newHousehold: NonNullable<MatchPage['newHousehold']>
	newName: string
	errors: ActionErrors
	values: Record<string, string>
}) {
	const [decision, setDecision] = useState(values.decision ?? '')
	const [keep, setKeep] = useState(values.keep || 'existing')
	const known = page.existingHousehold
	return (
		<Form method="post" noValidate>
			<CsrfField token={page.csrfToken} />
			<input type="hidden" name="newVersion" value={newHousehold.version} />
			<input type="hidden" name="existingVersion" value={known.version} />
			<Radios
				name="decision"
				legend="Are these the same household?"
				hint={`If they are, ${newName} (${newHousehold.reference}) becomes part of ${known.displayName || known.reference} (${known.reference}), with its enquiries, notes, tasks, contacts and referral.`}
				error={errorFor(errors, 'decision')}
				selected={[decision]}
				onChange={(value) => setDecision(value)}
				choices={[
					{
						value: 'same',
						label: 'Yes, these are the same household',
						conditional: (
							<Radios
								name="keep"
								legend="Which contact details should the household keep?"
								error={errorFor(errors, 'keep')}
								selected={[keep]}
								onChange={(value) => setKeep(value)}
								choices={[
									{ value: 'existing', label: `The known household’s (${known.reference})` },
									{ value: 'new', label: `The new enquiry’s (${newHousehold.reference})` },
								]}
							/>
						),
					},
					{ value: 'different', label: 'No, these are different households' },
				]}
			/>
			<Textarea
				name="reason"
				label="Why? (optional)"
				hint="For example, you spoke to them, or the names and dates of birth are different"
				rows={3}
				error={errorFor(errors, 'reason')}
				defaultValue={values.reason}
			/>
			<SubmitOrCancel label="Save decision" householdId={page.householdId} />
		</Form>
	)
}
