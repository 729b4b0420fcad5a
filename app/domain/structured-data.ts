import type { Faq } from './faqs.ts'
import type { PublicServiceConfig } from './public-site.ts'

// schema.org structured data for search engines. Built from the same configuration and content
// the pages show, never written separately.

export function organisationJsonLd(config: PublicServiceConfig, origin: string) {
	return {
		'@context': 'https://schema.org',
		'@type': config.organisationType === 'local_authority' ? 'GovernmentOrganization' : 'Organization',
		name: config.organisationName,
		alternateName: config.serviceName,
		url: `${origin}/`,
		telephone: config.phone,
		email: config.publicEmail,
		areaServed: config.areaServed,
	}
}

export function faqPageJsonLd(faqs: Faq[]) {
	return {
		'@context': 'https://schema.org',
		'@type': 'FAQPage',
		mainEntity: faqs.map((faq) => ({
			'@type': 'Question',
			name: faq.question,
			acceptedAnswer: { '@type': 'Answer', text: faq.answer.join('\n\n') },
		})),
	}
}
