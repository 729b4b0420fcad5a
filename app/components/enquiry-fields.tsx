import { useNavigation, type ShouldRevalidateFunction } from '@remix-run/react'
import { useState, type ReactNode } from 'react'
import { Checkboxes, Radios, Textarea, TextInput } from '~/components/form.tsx'
import { HOW_HEARD_OPTIONS } from '~/domain/attribution.ts'
import {
	BEST_TIMES,
	FOSTERING_INTERESTS,
	NOT_SURE,
	SPARE_BEDROOM_OPTIONS,
	type EnquiryValues,
} from '~/domain/enquiry-form.ts'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'

// The enquiry form's questions, from "About you" to the referral code, its consent question and
// its button: the public form (/enquire) and the one staff fill in for an enquiry taken by phone
// or at an event (/staff/enquiries/new) ask the same questions in the same words, checked by the
// same schema (app/domain/enquiry-form.ts). Staff read the questions out as they are written.

/** After a refused submission the page's own data has not changed: keep it (and its submission key). */
export const keepFormAfterRefusal: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
	actionResult && typeof actionResult === 'object' && 'errors' in actionResult ? false : defaultShouldRevalidate

/** The answers given so far (shown back after a refusal) and what was wrong with them. */
type Answers = { values: EnquiryValues; errors: readonly FieldError[] }

/** A question's typed answer, or '' (a list of choices is not typed). */
function answerText(values: EnquiryValues, field: keyof EnquiryValues) {
	const value = values[field]
	return typeof value === 'string' ? value : ''
}

/**
 * What every question takes from its name alone: its error, and the answer shown back, as the
 * text typed (`typed`) or the choice made (`chosen`). A question's own words stay beside it.
 */
function questionProps({ values, errors }: Answers) {
	return {
		typed: (name: keyof EnquiryValues) => ({
			name,
			error: errorFor(errors, name),
			defaultValue: answerText(values, name),
		}),
		chosen: (name: keyof EnquiryValues) => ({
			name,
			error: errorFor(errors, name),
			selected: [answerText(values, name)],
		}),
	}
}

export function EnquiryFields(answers: Answers) {
	return (
		<>
			<AboutYou {...answers} />
			<YourHome {...answers} />
			<Fostering {...answers} />
			<HowYouFoundUs {...answers} />
		</>
	)
}

function AboutYou(answers: Answers) {
	const { typed, chosen } = questionProps(answers)
	return (
		<>
			<h2 className="govuk-heading-m">About you</h2>
			<TextInput
				{...typed('firstName')}
				label="First name"
				autoComplete="given-name"
				spellCheck={false}
				widthClass="govuk-!-width-two-thirds"
			/>
			<TextInput
				{...typed('lastName')}
				label="Last name"
				autoComplete="family-name"
				spellCheck={false}
				widthClass="govuk-!-width-two-thirds"
			/>
			<TextInput
				{...typed('email')}
				label="Email address"
				hint="We will send a copy of your enquiry here"
				type="email"
				autoComplete="email"
				spellCheck={false}
			/>
			<TextInput
				{...typed('phone')}
				label="Phone number"
				hint="For international numbers include the country code"
				type="tel"
				autoComplete="tel"
				widthClass="govuk-input--width-20"
			/>
			<TextInput
				{...typed('postcode')}
				label="Postcode"
				autoComplete="postal-code"
				spellCheck={false}
				widthClass="govuk-input--width-10"
			/>
			<Radios {...chosen('bestTimeToCall')} legend="When is the best time to call you?" choices={BEST_TIMES} />
		</>
	)
}

function YourHome(answers: Answers) {
	const { typed, chosen } = questionProps(answers)
	return (
		<>
			<h2 className="govuk-heading-m">Your home</h2>
			<Radios
				{...chosen('spareBedroom')}
				legend="Do you have a spare bedroom?"
				hint="A child in foster care needs a bedroom of their own"
				choices={SPARE_BEDROOM_OPTIONS}
			/>
			<Textarea
				{...typed('householdMembers')}
				label="Who lives in your home?"
				hint="For example: me, my partner and our children aged 8 and 12. Include anyone who lives with you, and the ages of any children."
				rows={3}
			/>
		</>
	)
}

function Fostering(answers: Answers) {
	const { typed, chosen } = questionProps(answers)
	const { values } = answers
	const [kinship, setKinship] = useState(answerText(values, 'kinship'))
	const [interests, setInterests] = useState<string[]>(
		Array.isArray(values.fosteringInterests) ? values.fosteringInterests : []
	)
	// "I'm not sure yet" excludes the other choices, as in the Design System's checkboxes.
	const toggleInterest = (value: string, checked: boolean) =>
		setInterests((current) =>
			!checked
				? current.filter((item) => item !== value)
				: value === NOT_SURE
					? [NOT_SURE]
					: [...current.filter((item) => item !== NOT_SURE), value]
		)
	return (
		<>
			<h2 className="govuk-heading-m">Fostering</h2>
			<Radios
				{...chosen('kinship')}
				legend="Do you want to care for a child you already know?"
				hint="For example a grandchild, niece or nephew, or a friend's child. This is called kinship or family and friends care, and a different team will help you."
				inline={false}
				selected={[kinship]}
				onChange={(value) => setKinship(value)}
				choices={[
					{
						value: 'yes',
						label: 'Yes',
						conditional: (
							<Textarea
								{...typed('kinshipDetails')}
								label="Tell us about the child and your connection to them (optional)"
								rows={3}
							/>
						),
					},
					{ value: 'no', label: 'No' },
				]}
			/>
			<Checkboxes
				{...chosen('fosteringInterests')}
				legend="What kinds of fostering are you interested in?"
				hint="Select all that apply"
				choices={[...FOSTERING_INTERESTS, { value: NOT_SURE, label: 'I’m not sure yet', exclusive: true }]}
				dividerBefore={NOT_SURE}
				selected={interests}
				onChange={toggleInterest}
			/>
		</>
	)
}

function HowYouFoundUs(answers: Answers) {
	const { typed, chosen } = questionProps(answers)
	const [howHeard, setHowHeard] = useState(answerText(answers.values, 'howHeard'))
	const other = <TextInput {...typed('howHeardOther')} label="Where did you hear about us?" />
	return (
		<>
			<h2 className="govuk-heading-m">How you found us</h2>
			<Radios
				{...chosen('howHeard')}
				legend="How did you hear about us?"
				selected={[howHeard]}
				onChange={(value) => setHowHeard(value)}
				choices={HOW_HEARD_OPTIONS.map(({ value, label }) =>
					value === 'other' ? { value, label, conditional: other } : { value, label }
				)}
			/>
			<TextInput
				{...typed('referralCode')}
				label="Referral code (optional)"
				hint="If a foster carer gave you a referral code, enter it here"
				autoComplete="off"
				spellCheck={false}
				widthClass="govuk-input--width-10"
			/>
		</>
	)
}

/**
 * The question that closes the form: whether the person agrees to be contacted. The public and the
 * staff form word it for who is answering; both link to the privacy notice the same way.
 */
export function ConsentQuestion({
	legend,
	hintBeforeLink,
	agreement,
	privacyNoticeUrl,
	...answers
}: Answers & { legend: string; hintBeforeLink: string; agreement: string; privacyNoticeUrl: string }) {
	return (
		<Checkboxes
			{...questionProps(answers).chosen('consent')}
			legend={legend}
			hint={
				<>
					{hintBeforeLink}{' '}
					<a className="govuk-link" href={privacyNoticeUrl} target="_blank" rel="noreferrer">
						privacy notice (opens in new tab)
					</a>
					.
				</>
			}
			choices={[{ value: 'yes', label: agreement }]}
		/>
	)
}

/** The button that sends the form, marked busy while it is sent; govuk-frontend ignores a second click. */
export function SendEnquiryButton({ children }: { children: ReactNode }) {
	const navigation = useNavigation()
	return (
		<button
			type="submit"
			className="govuk-button"
			data-module="govuk-button"
			data-prevent-double-click="true"
			aria-disabled={navigation.state === 'submitting' ? true : undefined}
		>
			{children}
		</button>
	)
}
