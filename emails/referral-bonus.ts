import { formatPounds } from '~/domain/bonus-scheme.ts'
import { buttonLink, emailLayout, greetingFor, heading, html, paragraph, subjectLine, textLayout } from './layout.ts'
import type { RenderedEmail } from './render.ts'

// Telling a carer about their refer-a-friend bonus: earned (a manager will approve it) and paid.
// Never names the household they referred or says anything about its assessment: the carer knows
// whom they referred, and the email may be read by anyone with access to their inbox.

export type ReferralBonusInput = {
	kind: 'earned' | 'paid'
	/** Who the bonus is for: the referrer, or for a welcome bonus the new carers. */
	carerName: string
	amountPence: number
	/** 'approved' | 'placement' | 'welcome' */
	milestone: string
	/** How it was paid, in words ("by Stripe to your bank account", "with your allowance"), for kind paid. */
	paidBy?: string
	/** The carer's referral page, e.g. https://.../refer */
	portalUrl: string
	serviceName: string
	organisationName: string
}

function reason(milestone: string): string {
	if (milestone === 'approved') return 'a household you referred has been approved as foster carers'
	if (milestone === 'placement') return 'a household you referred has now been fostering for the qualifying time'
	return 'welcome to fostering with us'
}

export function renderReferralBonus(input: ReferralBonusInput): RenderedEmail {
	const amount = formatPounds(input.amountPence)
	const earned = input.kind === 'earned'
	const subject = subjectLine(
		earned ? `You have earned a ${amount} referral bonus` : `Your ${amount} bonus has been paid`
	)
	const greeting = greetingFor(input.carerName)
	const news = earned
		? `Thank you: ${reason(
				input.milestone
			)}, so you have earned a bonus of ${amount}. A manager will approve it for payment, and we will email you again when it has been paid.`
		: `We have paid your bonus of ${amount}${
				input.paidBy ? ` ${input.paidBy}` : ''
			}. Thank you for helping another family start fostering.`
	const next = 'You can see how your referrals are getting on, and share your link again, on your referral page.'
	const footer = `${input.serviceName}, ${input.organisationName}. You are getting this email because you refer friends to foster with us.`
	const body = html`${heading(earned ? 'You have earned a referral bonus' : 'Your bonus has been paid', 1)}
	${paragraph(greeting)} ${paragraph(news)} ${paragraph(next)}
	${buttonLink('Go to your referral page', input.portalUrl)}`
	return {
		subject,
		html: emailLayout({ title: subject, serviceName: input.serviceName, body, footer: html`${footer}` }),
		text: textLayout([greeting, news, `${next}\n${input.portalUrl}`, '---', footer]),
	}
}
