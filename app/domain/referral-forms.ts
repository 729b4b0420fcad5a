import { cleanText } from './enquiry-form.ts'
import type { FieldError } from './field-errors.ts'

// The forms staff use to change a household's referral (attach one, detach one, count one the
// rules turned down): each needs a reason, which is kept on the referral and in the audit log.

export const REFERRAL_REASON_MAX = 500
type Form = { get(name: string): unknown }
export type ReferralReasonAction = 'attach' | 'detach' | 'override'

const REASON_MISSING: Record<ReferralReasonAction, string> = {
	attach: 'Enter why you are attaching this referral',
	detach: 'Enter why you are detaching this referral',
	override: 'Enter why this referral should count',
}

function reasonErrors(reason: string, action: ReferralReasonAction): FieldError[] {
	if (!reason) return [{ field: 'reason', message: REASON_MISSING[action] }]
	if (reason.length > REFERRAL_REASON_MAX)
		return [{ field: 'reason', message: `The reason must be ${REFERRAL_REASON_MAX} characters or fewer` }]
	return []
}

/** The reason for a detach or an override. */
export function readReferralReason(
	form: Form,
	action: 'detach' | 'override'
): { ok: true; value: { reason: string } } | { ok: false; errors: FieldError[] } {
	const reason = cleanText(form.get('reason'))
	const errors = reasonErrors(reason, action)
	return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { reason } }
}

/**
 * Attaching a referral: who referred them, by the code the household gave or by choosing the carer
 * from the list (one or the other), and why.
 */
export function readAttachReferral(
	form: Form,
	carerIds: readonly string[]
): { ok: true; value: { code: string } | { carerId: string }; reason: string } | { ok: false; errors: FieldError[] } {
	const code = cleanText(form.get('code'))
	const carerId = cleanText(form.get('carerId'))
	const reason = cleanText(form.get('reason'))
	const errors: FieldError[] = []
	if (!code && !carerId) errors.push({ field: 'code', message: 'Enter the referral code or choose the carer' })
	else if (code && carerId)
		errors.push({ field: 'code', message: 'Enter the referral code or choose the carer, not both' })
	else if (carerId && !carerIds.includes(carerId))
		errors.push({ field: 'carerId', message: 'Choose a carer from the list' })
	errors.push(...reasonErrors(reason, 'attach'))
	if (errors.length > 0) return { ok: false, errors }
	return { ok: true, value: code ? { code } : { carerId }, reason }
}
