import { expect, test } from 'vitest'
import { secretRuleBroken, SECRET_PLACEHOLDER } from '~/domain/email-secrets.ts'
import { renderCarerSignInLink } from './carer-sign-in-link.ts'
import { renderReferralInvitation } from './referral-invitation.ts'
import { sampleCarerSignInLink, sampleReferralInvitation } from './samples.ts'

test('a carer’s sign-in link: the link in both parts, how long it lasts and what to do if unexpected', () => {
	const email = renderCarerSignInLink(sampleCarerSignInLink)
	expect(email.subject).toBe('Sign in to refer a friend to Foster with Northdale')
	for (const part of [email.html, email.text]) {
		expect(part).toContain('Dear Grace Mensah,')
		expect(part).toContain(sampleCarerSignInLink.url)
		expect(part).toContain('The link works once, for 7 days.')
		expect(part).toContain('If you did not ask for this, you can ignore this email')
	}
	expect(email.html).toContain(`href="${sampleCarerSignInLink.url}"`)
})

test('an invitation comes from the carer’s first name, with their link, what fostering is and how to opt out', () => {
	const email = renderReferralInvitation(sampleReferralInvitation)
	// The service is called "Foster with Northdale": its name is not put after "foster with" again.
	expect(email.subject).toBe('Grace thinks you could foster with Northdale')
	for (const part of [email.html, email.text]) {
		expect(part).toContain('Grace, who fosters with Northdale, asked us to send you this.')
		expect(part).not.toMatch(/foster(s|ing)? with Foster/)
		expect(part).toContain('Dear Siobhán,')
		expect(part).toContain('https://fostering.northdale.example/r/NORTH7K3')
		expect(part).toContain('Foster carers look after children who cannot live with their own families')
		expect(part).toContain('you will not hear from us again unless you enquire')
		expect(part).toContain('https://fostering.northdale.example/what-fostering-involves')
	}
})

test('a service whose name does not start with "Foster" follows "foster with" as it is', () => {
	const email = renderReferralInvitation({ ...sampleReferralInvitation, serviceName: 'Northdale Fostering' })
	expect(email.subject).toBe('Grace thinks you could foster with Northdale Fostering')
})

test('names in an invitation are escaped in the HTML', () => {
	const email = renderReferralInvitation({
		...sampleReferralInvitation,
		friendName: '<b>Jo</b>',
		carerFirstName: '<i>G</i>',
	})
	expect(email.html).toContain('Dear &lt;b&gt;Jo&lt;/b&gt;,')
	expect(email.html).not.toContain('<b>Jo</b>')
	expect(email.html).not.toContain('<i>G</i>')
})

test('a carer’s sign-in link renders with the placeholder where the token goes, as the outbox keeps it', () => {
	const url = `https://fostering.northdale.example/refer/sign-in/${SECRET_PLACEHOLDER}`
	const email = renderCarerSignInLink({ ...sampleCarerSignInLink, url })
	expect(email.html).toContain(`href="${url}"`)
	expect(email.text).toContain(url)
	expect(secretRuleBroken({ ...email, template: 'sign-in-carer', secret: 'A'.repeat(43) })).toBeNull()
})
