import { data, redirect } from '@remix-run/node'
import type { DateParts } from '~/domain/date-input.ts'
import type { FieldError } from '~/domain/field-errors.ts'
import { actionBlocked, rolesFor, type HouseholdAction } from '~/domain/household-actions.ts'
import { readVersion, type DoneKey } from '~/domain/household-forms.ts'
import { loadHouseholdForAction } from '~/models/household-record.server.ts'
import type { Refusal } from '~/models/households.server.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { requireStaff } from './auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'

// What every household action route does the same way: who may come, which household, whether
// the action can be taken on it now, the CSRF check, and the answers it sends back (errors with
// what was typed, or a redirect to the record).

/**
 * The household an action's page or form is about, for a member of staff whose role may take the
 * action (403 otherwise). `blocked` says why the action cannot be taken on the household as it is
 * now (app/domain/household-actions.ts): the page shows it instead of the form, and a stage
 * change posted anyway is refused by the stage machine in the same words.
 */
export async function householdActionPage(request: Request, params: { id?: string }, action: HouseholdAction) {
	const session = await requireStaff(request, { roles: rolesFor(action) })
	const loaded = await loadHouseholdForAction(params.id ?? '')
	if (!loaded) throw new Response('Household not found', { status: 404 })
	/** What every action page's loader sends to HouseholdActionPage. */
	const view = {
		...loaded,
		blocked: actionBlocked(action, loaded.state, session.user.role),
		today: today(),
		csrfToken: session.csrfToken,
	}
	return { session, ...view, view }
}

/**
 * A change to a household as it was posted: the form, read through the front door with the
 * session's CSRF token; what was typed in the named fields, to show again; and who is changing
 * which version of which household, as every change in app/models takes them (a save from a page
 * showing an older version is refused).
 */
export async function postedForm(
	request: Request,
	page: { session: { csrfToken: string; user: StaffIdentity }; household: { id: string } },
	names: string[] = [],
	dates: string[] = []
) {
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session: page.session })
	return {
		form,
		answers: typed(form, names, dates),
		change: { householdId: page.household.id, expectedVersion: readVersion(form) ?? 0, actor: page.session.user },
	}
}

/** What postedForm read: the form, what was typed, and the change's household, version and actor. */
export type PostedChange = Awaited<ReturnType<typeof postedForm>>

type Answers = { values?: Record<string, string>; parts?: Record<string, DateParts> }

/** What was typed, so the page shows it again (without JavaScript the page is drawn afresh). */
function typed(form: FormData, names: string[], dates: string[] = []): Answers {
	const values = Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? '')]))
	const parts = Object.fromEntries(
		dates.map((name) => [
			name,
			{
				day: String(form.get(`${name}-day`) ?? ''),
				month: String(form.get(`${name}-month`) ?? ''),
				year: String(form.get(`${name}-year`) ?? ''),
			},
		])
	)
	return { values, parts }
}

export function invalid(errors: FieldError[], answers: Answers) {
	return data({ errors: errors, ...answers }, { status: 400 })
}

/**
 * A change the rules (or a colleague's earlier save) refused: 409 when someone else saved first,
 * so the page reloads the record and shows their change, 400 otherwise.
 */
export function refused(refusal: Refusal, answers: Answers, fieldMap: Record<string, string> = {}) {
	const field = refusal.field ? (fieldMap[refusal.field] ?? refusal.field) : null
	return data({ errors: [{ field, message: refusal.error }], ...answers }, { status: refusal.stale ? 409 : 400 })
}

/** Back to the record with its success banner (303: the browser follows with a GET). */
export function backToRecord(householdId: string, done: DoneKey) {
	return redirect(`/staff/households/${householdId}?done=${done}`, { status: 303 })
}
