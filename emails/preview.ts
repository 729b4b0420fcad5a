// Writes every email template, with sample data, as .html and .txt files so they can be opened in
// a browser or a text editor and looked at:  npx tsx emails/preview.ts
import fs from 'node:fs'
import path from 'node:path'
import { renderCarerSignInLink } from './carer-sign-in-link.ts'
import { renderClockReminder } from './clock-reminder.ts'
import { renderEnquiryAcknowledgement } from './enquiry-acknowledgement.ts'
import { renderNewEnquiryAlert } from './new-enquiry-alert.ts'
import { renderMorningDigest } from './morning-digest.ts'
import { renderPasswordLink } from './password-link.ts'
import { renderReferralInvitation } from './referral-invitation.ts'
import { renderReferralBonus } from './referral-bonus.ts'
import { escapeHtml } from './layout.ts'
import type { RenderedEmail } from './render.ts'
import {
	sampleAcknowledgement,
	sampleAlert,
	sampleClockReminder,
	sampleMorningDigest,
	sampleCarerSignInLink,
	samplePasswordLink,
	sampleReferralInvitation,
	sampleReferralBonus,
} from './samples.ts'

const OUT_DIR = path.resolve(import.meta.dirname, '..', 'tests', '.tmp', 'email-preview')
const samples: Record<string, RenderedEmail> = {
	'enquiry-acknowledgement': renderEnquiryAcknowledgement(sampleAcknowledgement),
	'enquiry-acknowledgement-kinship': renderEnquiryAcknowledgement({
		...sampleAcknowledgement,
		firstName: '李小龍',
		isKinship: true,
	}),
	'new-enquiry-alert': renderNewEnquiryAlert(sampleAlert),
	'new-enquiry-alert-kinship-returning': renderNewEnquiryAlert({
		...sampleAlert,
		applicantName: '<script>alert(1)</script>',
		isKinship: true,
		possibleMatch: 'HH-4F7H2K',
	}),
	'password-reset': renderPasswordLink(samplePasswordLink),
	'password-welcome': renderPasswordLink({ ...samplePasswordLink, kind: 'welcome' }),
	'clock-at-risk': renderClockReminder(sampleClockReminder),
	'clock-overdue-several': renderClockReminder({
		...sampleClockReminder,
		level: 'overdue',
		items: [...sampleClockReminder.items, { ...sampleMorningDigest.entries[0]!, deadline: 'Monday 23 November 2026' }],
	}),
	'morning-digest': renderMorningDigest(sampleMorningDigest),
	'sign-in-carer': renderCarerSignInLink(sampleCarerSignInLink),
	'referral-invitation': renderReferralInvitation(sampleReferralInvitation),
	'referral-bonus-earned': renderReferralBonus(sampleReferralBonus),
	'referral-bonus-paid': renderReferralBonus({ ...sampleReferralBonus, kind: 'paid', paidBy: 'by bank transfer' }),
}

fs.mkdirSync(OUT_DIR, { recursive: true })
for (const [name, email] of Object.entries(samples)) {
	fs.writeFileSync(path.join(OUT_DIR, `${name}.html`), email.html)
	fs.writeFileSync(path.join(OUT_DIR, `${name}.txt`), `Subject: ${email.subject}\n\n${email.text}`)
}
const index = Object.entries(samples)
	.map(
		([name, email]) =>
			`<li>${escapeHtml(email.subject)}: <a href="${name}.html">HTML</a>, <a href="${name}.txt">plain text</a></li>`
	)
	.join('\n')
fs.writeFileSync(
	path.join(OUT_DIR, 'index.html'),
	`<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Email previews</title></head>\n<body style="font-family:Arial,sans-serif">\n<h1>Email previews</h1>\n<ul>\n${index}\n</ul>\n</body>\n</html>\n`
)
console.log(
	`Wrote ${Object.keys(samples).length} emails to ${path.relative(process.cwd(), OUT_DIR)}/ (open index.html)`
)
