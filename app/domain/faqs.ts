import { workingDaysPhrase } from './service-config.ts'
import { NATIONAL_APPLICATION_TO_PANEL_MONTHS, TYPICAL_APPLICATION_TO_APPROVAL_MONTHS } from './fostering-journey.ts'
import { allowanceRange, type PublicServiceConfig } from './public-site.ts'

// The questions people ask us most before they enquire. The page shows them and the same list
// goes into the page's FAQPage structured data, so what search engines read is what people see.

export type Faq = {
	id: string
	question: string
	/** Plain-text paragraphs, shown as they are and joined for the structured data. */
	answer: string[]
	/** One of our pages that says more. */
	more?: { to: string; text: string }
}

export function fosteringFaqs(config: PublicServiceConfig): Faq[] {
	const { targets } = config
	const { from, to } = TYPICAL_APPLICATION_TO_APPROVAL_MONTHS
	return [
		{
			id: 'too-old',
			question: 'Am I too old to foster?',
			answer: [
				'There is no upper age limit. We ask that you are over 21, and that you are fit and well enough to look after a child for as long as they need you.',
				'Many of our foster carers started in their 50s and 60s, often once their own children had left home.',
			],
			more: { to: '/can-i-foster', text: 'Who can foster' },
		},
		{
			id: 'single',
			question: 'Can I foster if I am single, or in a same-sex relationship?',
			answer: [
				'Yes. You can foster whether you are single, married, in a civil partnership or living together, and whatever your sexual orientation or gender identity.',
				'What matters is the care, stability and time you can give a child.',
			],
		},
		{
			id: 'renting',
			question: 'Do I need to own my home?',
			answer: [
				'No. Many foster carers rent from a council, a housing association or a private landlord. You need a spare bedroom for a foster child, and we will ask you to check that your tenancy allows it.',
			],
		},
		{
			id: 'working',
			question: 'Can I foster if I work?',
			answer: [
				'Often, yes. It depends on your hours and the kind of fostering. Short breaks and fostering school-age children can fit around work.',
				'Someone in the household needs to be free for school runs, meetings, training and the occasional emergency, so we will talk it through with you.',
			],
		},
		{
			id: 'allowance',
			question: 'Do foster carers get paid?',
			answer: [
				`Yes. You receive a fostering allowance of ${allowanceRange(
					config.allowances
				)} a week for each child, depending on their age, to cover what it costs to look after them.`,
				'Experienced carers and those caring for children with more complex needs may also receive a fee for their skills. Most foster carers pay little or no tax on this income.',
			],
			more: { to: '/support-and-allowances', text: 'Support and allowances' },
		},
		{
			id: 'how-long',
			question: 'How long does it take to become a foster carer?',
			answer: [
				`Usually ${from} to ${to} months from your application to approval. The law says your assessment must go to the fostering panel within ${NATIONAL_APPLICATION_TO_PANEL_MONTHS} months of your application.`,
				'Before you apply, you can take as long as you need to decide.',
			],
			more: { to: '/what-fostering-involves', text: 'What fostering involves, step by step' },
		},
		{
			id: 'after-enquiry',
			question: 'What happens after I make an enquiry?',
			answer: [
				`You get an email straight away to say we have your enquiry. One of our team then calls you within ${workingDaysPhrase(
					targets.firstContactWorkingDays
				)} to talk about fostering and answer your questions.`,
				'If you both want to carry on, we arrange a visit or an information session. Making an enquiry does not commit you to anything.',
			],
		},
		{
			id: 'criminal-record',
			question: 'Can I foster if I have a criminal record?',
			answer: [
				'A criminal record does not automatically stop you fostering. Only offences against children and certain serious violent or sexual offences rule you out.',
				'Tell us about anything in your past at the start. We look at what happened, when, and what has changed since.',
			],
		},
		{
			id: 'own-children',
			question: 'Can I foster if I have children of my own?',
			answer: [
				'Yes. Many foster families have children of their own, and they can be a great help to a child settling in. We talk with your children as part of the assessment, and think carefully about ages when we match a child with you.',
			],
		},
		{
			id: 'pets',
			question: 'Can I foster if I have pets?',
			answer: [
				'Yes. Pets are often good for children. We complete a pet assessment to make sure your animals are safe around children, and that children are safe around them.',
			],
		},
		{
			id: 'smoking',
			question: 'Can I foster if I smoke or vape?',
			answer: [
				'Yes, but we will not place children under 5, or children with a disability or breathing problems, with carers who smoke or vape. We can support you to stop.',
			],
		},
		{
			id: 'choose',
			question: 'Can I choose which children I foster?',
			answer: [
				'During your assessment we agree the ages and kinds of fostering that suit your household. When a child needs a home, we talk to you about them first, and you can say no if it does not feel right.',
			],
			more: { to: '/what-fostering-involves#types-of-fostering', text: 'Types of fostering' },
		},
		{
			id: 'training',
			question: 'Do I need experience or qualifications?',
			answer: [
				'No. You need patience, warmth and a sense of humour. Before approval you take part in preparation training, and after approval we keep training and supporting you for as long as you foster.',
			],
		},
		{
			id: 'birth-family',
			question: 'Will the child’s birth family know where I live?',
			answer: [
				'Not usually. Most children keep in touch with their birth family, but visits normally happen somewhere else, such as a family centre. Your social worker plans this with you.',
			],
		},
	]
}
