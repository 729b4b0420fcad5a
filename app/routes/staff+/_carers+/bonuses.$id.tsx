import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { BonusStatusTag } from '~/components/bonus-status-tag.tsx'
import { CsrfField } from '~/components/csrf-field.tsx'
import { FormPage } from '~/components/form-page.tsx'
import { DateInput, Radios, SuccessBanner, TextInput, Textarea } from '~/components/form.tsx'
import { SummaryRow } from '~/components/summary-list.tsx'
import { MANUAL_PAYMENT_METHODS } from '~/domain/bonus-ledger.ts'
import { ledgerActionsFor, readManualPaymentForm, readVoidForm } from '~/domain/bonus-ledger-forms.ts'
import { MILESTONE_LABELS, formatPounds } from '~/domain/bonus-scheme.ts'
import { dateParts, type DateParts } from '~/domain/date-input.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { PAYMENT_STATUS_LABELS, stripePaymentRefusal } from '~/domain/stripe-payments.ts'
import { formatDate, formatDateTime } from '~/domain/working-days.ts'
import { wakePayments } from '~/integrations/payment-worker.server.ts'
import { changeBonusEntry, getBonusEntry, type BonusEntryRecord } from '~/models/bonus-entries.server.ts'
import { paymentsForEntry, queueStripePayment } from '~/models/bonus-payments.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { stripeConfigured } from '~/utils/env.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'

// One bonus: who earns it and why, its history, and the manager's decisions on it: approve it,
// make it void with a reason, record a payment made outside Stripe, or pay it through Stripe. Each
// change goes through the ledger (applyLedgerAction), which refuses a change another manager (or
// the Stripe worker) has overtaken.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Bonus').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

const DONE = {
	approved: 'Bonus approved for payment',
	paid: 'Payment recorded. The carer will get an email saying it has been paid.',
	void: 'Bonus made void',
	stripe: 'Sent to Stripe. The bonus will show as paid once Stripe confirms the transfer.',
} as const

const METHOD_LABELS: Record<string, string> = {
	...Object.fromEntries(MANUAL_PAYMENT_METHODS.map((method) => [method.value, method.label])),
	stripe: 'Stripe transfer',
}

const VIA_LABELS: Record<string, string> = { link: 'their link', code: 'their code', staff: 'staff' }

async function entryOr404(id: string | undefined) {
	const entry = id ? await getBonusEntry(id) : null
	if (!entry) throw new Response('Not found', { status: 404 })
	return entry
}

type Payments = Awaited<ReturnType<typeof paymentsForEntry>>

/** The Stripe part of the page: only when Stripe is set up for the service. */
function stripePanel(entry: BonusEntryRecord, payments: Payments, live: boolean) {
	if (!stripeConfigured()) return null
	// Who Stripe can pay is the domain's rule (app/domain/stripe-payments.ts), as queueing one refuses.
	const refusal = stripePaymentRefusal(entry, live)
	let notice: string | null = null
	if (refusal === 'notConnected') {
		notice = `${entry.payee!.name} has not finished connecting a Stripe account, so Stripe cannot pay them yet. They can connect one from their refer-a-friend page, or you can record a payment made another way.`
	} else if (refusal === 'noPayee') notice = 'There is no carer to pay yet.'
	return {
		canPay: refusal === null,
		// While Stripe is paying it, the bonus cannot also be paid another way.
		live,
		notice,
		payments: payments.map((payment) => ({
			id: payment.id,
			status: payment.status,
			amountPence: payment.amountPence,
			attempts: payment.attempts,
			lastError: payment.lastError,
			stripeTransferId: payment.stripeTransferId,
			createdAt: payment.createdAt.toISOString(),
		})),
	}
}

type StripePanel = ReturnType<typeof stripePanel>

export async function loader({ request, params }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageBonuses })
	const entry = await entryOr404(params.id)
	const done = new URL(request.url).searchParams.get('done')
	const payments = await paymentsForEntry(entry.id)
	// A Stripe payment queued or paid: whether or not Stripe is still set up, nothing else may pay it.
	const live = payments.some((payment) => payment.status === 'queued' || payment.status === 'paid')
	return {
		csrfToken: session.csrfToken,
		entry,
		actions: ledgerActionsFor(entry.status, live),
		stripe: stripePanel(entry, payments, live),
		today: today(),
		done: done && done in DONE ? DONE[done as keyof typeof DONE] : null,
	}
}

type ActionResult = {
	form: 'approve' | 'void' | 'pay' | 'stripe'
	errors: FieldError[]
	values?: { reason?: string; method?: string; paidOn?: DateParts; reference?: string }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageBonuses })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const entry = await entryOr404(params.id)
	const intent = String(form.get('intent') ?? '')
	const back = (done: keyof typeof DONE) => redirect(`/staff/bonuses/${entry.id}?done=${done}`, 303)
	// Refused by the ledger: someone else moved the bonus first (or it was never in that state).
	const refused = (which: ActionResult['form'], message: string) =>
		data<ActionResult>({ form: which, errors: [{ message }] }, { status: 409 })

	if (intent === 'approve') {
		const outcome = await changeBonusEntry(entry.id, { kind: 'approve' }, session.user)
		if (!outcome.ok) return refused('approve', outcome.error)
		throw back('approved')
	}
	if (intent === 'void') {
		const reason = String(form.get('reason') ?? '')
		const parsed = readVoidForm(reason)
		if (!parsed.ok)
			return data<ActionResult>({ form: 'void', errors: parsed.errors, values: { reason } }, { status: 400 })
		const outcome = await changeBonusEntry(entry.id, { kind: 'void', reason: parsed.reason }, session.user)
		if (!outcome.ok) return refused('void', outcome.error)
		throw back('void')
	}
	if (intent === 'pay') {
		const values = {
			method: String(form.get('method') ?? ''),
			paidOn: dateParts(form, 'paidOn'),
			reference: String(form.get('reference') ?? ''),
		}
		const parsed = readManualPaymentForm(values, today())
		if (!parsed.ok) return data<ActionResult>({ form: 'pay', errors: parsed.errors, values }, { status: 400 })
		const outcome = await changeBonusEntry(entry.id, { kind: 'pay', ...parsed.value }, session.user)
		if (!outcome.ok) return refused('pay', outcome.error)
		throw back('paid')
	}
	if (intent === 'stripe') {
		const outcome = await queueStripePayment({ entryId: entry.id, actor: session.user })
		if (!outcome.ok) return refused('stripe', outcome.error)
		// Sent within seconds by this process's payment worker, after the commit.
		wakePayments()
		throw back('stripe')
	}
	throw new Response('Unknown action', { status: 400 })
}

export default function BonusEntryPage() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	const { entry, actions } = page
	const milestone = MILESTONE_LABELS[entry.milestone] ?? entry.milestone
	const payeeName =
		entry.payee?.name ?? (entry.milestone === 'welcome' ? 'the new carers' : entry.referral.referrer.name)
	const title = `${formatPounds(entry.amountPence)} bonus for ${payeeName}`
	return (
		<FormPage
			title={[title, 'Bonuses']}
			serviceName={serviceName}
			area="staff"
			errors={result?.errors ?? []}
			back={{ to: '/staff/bonuses', text: 'Back to bonuses' }}
		>
			{page.done && !result ? <SuccessBanner>{page.done}</SuccessBanner> : null}
			<span className="govuk-caption-l">{milestone}</span>
			<h1 className="govuk-heading-l">{title}</h1>
			<EntrySummary entry={entry} milestone={milestone} />
			<h2 className="govuk-heading-m">History</h2>
			<History entry={entry} />
			{actions.approve ? <Approve amountPence={entry.amountPence} csrfToken={page.csrfToken} /> : null}
			{page.stripe ? <StripePayments stripe={page.stripe} csrfToken={page.csrfToken} /> : null}
			{actions.pay ? <PayAnotherWay csrfToken={page.csrfToken} result={result} /> : null}
			{actions.void ? <MakeVoid csrfToken={page.csrfToken} result={result} /> : null}
		</FormPage>
	)
}

/** What the action answered: which form it was about, its errors and what was typed. */
type Answered = SerializeFrom<typeof action> | undefined

/** What was typed in this form and its errors, when the action answered about it (not another form). */
function answersFor(result: Answered, form: ActionResult['form']) {
	const answered = result?.form === form ? result : undefined
	return { errors: answered?.errors ?? [], values: answered?.values }
}

/**
 * One of the manager's decisions on the bonus: its heading, what it means, and its form, which
 * posts the decision's `intent` (the action tells them apart) and the CSRF token.
 */
function Decision({
	heading,
	intro,
	intent,
	csrfToken,
	submit,
	warning = false,
	noValidate,
	children,
}: {
	heading?: string
	intro: ReactNode
	intent: ActionResult['form']
	csrfToken: string
	submit: ReactNode
	warning?: boolean
	noValidate?: boolean
	children?: ReactNode
}) {
	return (
		<>
			{heading ? <h2 className="govuk-heading-m">{heading}</h2> : null}
			<p className="govuk-body">{intro}</p>
			<Form method="post" noValidate={noValidate}>
				<CsrfField token={csrfToken} />
				<input type="hidden" name="intent" value={intent} />
				{children}
				<button
					type="submit"
					className={`govuk-button${warning ? ' govuk-button--warning' : ''}`}
					data-module="govuk-button"
				>
					{submit}
				</button>
			</Form>
		</>
	)
}

/** Who earns the bonus, for what, and under which scheme. */
function EntrySummary({ entry, milestone }: { entry: SerializeFrom<typeof loader>['entry']; milestone: string }) {
	return (
		<dl className="govuk-summary-list">
			<SummaryRow name="Status">
				<BonusStatusTag status={entry.status} />
			</SummaryRow>
			<SummaryRow name="Amount">{formatPounds(entry.amountPence)}</SummaryRow>
			<SummaryRow name="Milestone">{milestone}</SummaryRow>
			<SummaryRow name="Paid to">
				{entry.payee ? (
					<>
						<Link className="govuk-link" to={`/staff/carers/${entry.payee.id}`}>
							{entry.payee.name}
						</Link>
						{entry.payee.status !== 'active' ? ' (inactive)' : ''}
					</>
				) : (
					'Not known until the new carers are approved'
				)}
			</SummaryRow>
			<SummaryRow name="Referred by">
				<Link className="govuk-link" to={`/staff/carers/${entry.referral.referrer.id}`}>
					{entry.referral.referrer.name}
				</Link>{' '}
				using {VIA_LABELS[entry.referral.via] ?? entry.referral.via}, on {formatDate(entry.referral.referredOn)}
			</SummaryRow>
			<SummaryRow name="Household referred">
				<Link className="govuk-link" to={`/staff/households/${entry.referral.household.id}`}>
					{entry.referral.household.reference}
				</Link>
			</SummaryRow>
			<SummaryRow name="Bonus scheme">
				{entry.referral.scheme.effectiveFrom <= '2000-01-01'
					? 'The service’s first scheme'
					: `The scheme from ${formatDate(entry.referral.scheme.effectiveFrom)}`}
			</SummaryRow>
		</dl>
	)
}

function Approve({ amountPence, csrfToken }: { amountPence: number; csrfToken: string }) {
	return (
		<Decision
			heading="Approve for payment"
			intro="Check the referral is genuine and the milestone was reached. Once approved, the bonus can be paid."
			intent="approve"
			csrfToken={csrfToken}
			submit={<>Approve {formatPounds(amountPence)} bonus</>}
		/>
	)
}

/** A payment made outside Stripe (through payroll, by cheque...): how, when and its reference. */
function PayAnotherWay({ csrfToken, result }: { csrfToken: string; result: Answered }) {
	const { errors, values } = answersFor(result, 'pay')
	return (
		<Decision
			heading="Record a payment made another way"
			intro="When the bonus was paid outside Stripe, for example through payroll with the carer’s allowance."
			intent="pay"
			csrfToken={csrfToken}
			submit="Record payment"
			noValidate
		>
			<Radios
				name="method"
				legend="How was it paid?"
				error={errorFor(errors, 'method')}
				choices={MANUAL_PAYMENT_METHODS.map((method) => ({ value: method.value, label: method.label }))}
				selected={values?.method ? [values.method] : []}
			/>
			<DateInput
				name="paidOn"
				legend="Date it was paid"
				hint="Today or earlier, for example 27 3 2026"
				error={errorFor(errors, 'paidOn')}
				defaultValue={values?.paidOn}
			/>
			<TextInput
				name="reference"
				label="Payment reference"
				hint="The reference in the payroll or finance system, or the cheque number"
				spellCheck={false}
				maxLength={100}
				widthClass="govuk-!-width-two-thirds"
				defaultValue={values?.reference}
				error={errorFor(errors, 'reference')}
			/>
		</Decision>
	)
}

/** A bonus that will never be paid, and why. */
function MakeVoid({ csrfToken, result }: { csrfToken: string; result: Answered }) {
	const { errors, values } = answersFor(result, 'void')
	return (
		<Decision
			heading="Make void"
			intro="A void bonus will never be paid. The reason is kept in the bonus’s history and the household’s audit log."
			intent="void"
			csrfToken={csrfToken}
			submit="Make bonus void"
			warning
			noValidate
		>
			<Textarea
				name="reason"
				label="Why is the bonus void?"
				hint="For example, the referral was a duplicate"
				error={errorFor(errors, 'reason')}
				defaultValue={values?.reason}
				rows={3}
			/>
		</Decision>
	)
}

function History({ entry }: { entry: BonusEntryRecord }) {
	const events: string[] = [`Referral made on ${formatDate(entry.referral.referredOn)}`]
	if (entry.earnedOn) events.push(`Earned on ${formatDate(entry.earnedOn)}`)
	else if (entry.status === 'pending') events.push('The milestone has not been reached yet')
	if (entry.approvedAt)
		events.push(`Approved by ${entry.approvedBy ?? 'the system'} on ${formatDateTime(entry.approvedAt)}`)
	if (entry.paidOn) {
		const method = entry.paymentMethod ? (METHOD_LABELS[entry.paymentMethod] ?? entry.paymentMethod) : 'an unknown way'
		const reference = entry.paymentReference ? `, reference ${entry.paymentReference}` : ''
		const who = entry.paidRecordedBy ? `recorded by ${entry.paidRecordedBy}` : 'confirmed by Stripe'
		events.push(
			`Paid on ${formatDate(entry.paidOn)} by ${method.charAt(0).toLowerCase()}${method.slice(1)}${reference} (${who})`
		)
	}
	if (entry.voidedAt) {
		events.push(
			`Made void by ${entry.voidedBy ?? 'the system'} on ${formatDateTime(entry.voidedAt)}: ${entry.voidReason ?? ''}`
		)
	}
	return (
		<ol className="govuk-list govuk-list--number">
			{events.map((event) => (
				<li key={event}>{event}</li>
			))}
		</ol>
	)
}

function StripePayments({ stripe, csrfToken }: { stripe: NonNullable<StripePanel>; csrfToken: string }) {
	if (!stripe.canPay && !stripe.notice && stripe.payments.length === 0) return null
	return (
		<>
			<h2 className="govuk-heading-m">Pay through Stripe</h2>
			{stripe.notice ? <p className="govuk-body">{stripe.notice}</p> : null}
			{stripe.canPay ? (
				<Decision
					intro="Stripe sends the bonus to the carer’s bank account. It shows as paid once Stripe confirms the transfer."
					intent="stripe"
					csrfToken={csrfToken}
					submit="Pay with Stripe"
				/>
			) : null}
			{stripe.payments.length > 0 ? (
				<ScrollingTable caption="Stripe payments of this bonus" captionSize="s">
					<thead className="govuk-table__head">
						<tr className="govuk-table__row">
							<th scope="col" className="govuk-table__header">
								Sent
							</th>
							<th scope="col" className="govuk-table__header">
								Status
							</th>
							<th scope="col" className="govuk-table__header">
								Details
							</th>
						</tr>
					</thead>
					<tbody className="govuk-table__body">
						{stripe.payments.map((payment) => (
							<tr className="govuk-table__row" key={payment.id}>
								<td className="govuk-table__cell">{formatDateTime(payment.createdAt)}</td>
								<td className="govuk-table__cell">{PAYMENT_STATUS_LABELS[payment.status] ?? payment.status}</td>
								<td className="govuk-table__cell">
									{[
										payment.stripeTransferId ? `Transfer ${payment.stripeTransferId}` : null,
										payment.lastError,
										payment.attempts > 1 ? `${payment.attempts} attempts` : null,
									]
										.filter(Boolean)
										.join('. ')}
								</td>
							</tr>
						))}
					</tbody>
				</ScrollingTable>
			) : null}
		</>
	)
}
