import type { ShouldRevalidateFunction } from '@remix-run/react'
import { useState } from 'react'
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

// The enquiry form's questions, from "About you" to the referral code: the public form
// (/enquire) and the one staff fill in for an enquiry taken by phone or at an event
// (/staff/enquiries/new) ask the same questions in the same words, checked by the same schema
// (app/domain/enquiry-form.ts). Staff read the questions out as they are written.

/** After a refused submission the page's own data has not changed: keep it (and its submission key). */
export const keepFormAfterRefusal: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
	actionResult && typeof actionResult === 'object' && 'errors' in actionResult ? false : defaultShouldRevalidate

// eslint-disable-next-line max-lines-per-function -- TODO(issue 13): every question of the enquiry in one component; one component per group of questions
export function EnquiryFields({ values, errors }: { values: EnquiryValues; errors: readonly FieldError[] }) {
	const text = (field: keyof EnquiryValues) => {
		const value = values[field]
		return typeof value === 'string' ? value : ''
	}
	const [kinship, setKinship] = useState(text('kinship'))
	const [howHeard, setHowHeard] = useState(text('howHeard'))
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
			<h2 className="govuk-heading-m">About you</h2>
			<TextInput
				name="firstName"
				label="First name"
				error={errorFor(errors, 'firstName')}
				defaultValue={text('firstName')}
				autoComplete="given-name"
				spellCheck={false}
				widthClass="govuk-!-width-two-thirds"
			/>
			<TextInput
				name="lastName"
				label="Last name"
				error={errorFor(errors, 'lastName')}
				defaultValue={text('lastName')}
				autoComplete="family-name"
				spellCheck={false}
				widthClass="govuk-!-width-two-thirds"
			/>
			<TextInput
				name="email"
				label="Email address"
				hint="We will send a copy of your enquiry here"
				type="email"
				error={errorFor(errors, 'email')}
				defaultValue={text('email')}
				autoComplete="email"
				spellCheck={false}
			/>
			<TextInput
				name="phone"
				label="Phone number"
				hint="For international numbers include the country code"
				type="tel"
				error={errorFor(errors, 'phone')}
				defaultValue={text('phone')}
				autoComplete="tel"
				widthClass="govuk-input--width-20"
			/>
			<TextInput
				name="postcode"
				label="Postcode"
				error={errorFor(errors, 'postcode')}
				defaultValue={text('postcode')}
				autoComplete="postal-code"
				spellCheck={false}
				widthClass="govuk-input--width-10"
			/>
			<Radios
				name="bestTimeToCall"
				legend="When is the best time to call you?"
				error={errorFor(errors, 'bestTimeToCall')}
				choices={BEST_TIMES}
				selected={[text('bestTimeToCall')]}
			/>

			<h2 className="govuk-heading-m">Your home</h2>
			<Radios
				name="spareBedroom"
				legend="Do you have a spare bedroom?"
				hint="A child in foster care needs a bedroom of their own"
				error={errorFor(errors, 'spareBedroom')}
				choices={SPARE_BEDROOM_OPTIONS}
				selected={[text('spareBedroom')]}
			/>
			<Textarea
				name="householdMembers"
				label="Who lives in your home?"
				hint="For example: me, my partner and our children aged 8 and 12. Include anyone who lives with you, and the ages of any children."
				error={errorFor(errors, 'householdMembers')}
				defaultValue={text('householdMembers')}
				rows={3}
			/>

			<h2 className="govuk-heading-m">Fostering</h2>
			<Radios
				name="kinship"
				legend="Do you want to care for a child you already know?"
				hint="For example a grandchild, niece or nephew, or a friend's child. This is called kinship or family and friends care, and a different team will help you."
				error={errorFor(errors, 'kinship')}
				inline={false}
				selected={[kinship]}
				onChange={(value) => setKinship(value)}
				choices={[
					{
						value: 'yes',
						label: 'Yes',
						conditional: (
							<Textarea
								name="kinshipDetails"
								label="Tell us about the child and your connection to them (optional)"
								error={errorFor(errors, 'kinshipDetails')}
								defaultValue={text('kinshipDetails')}
								rows={3}
							/>
						),
					},
					{ value: 'no', label: 'No' },
				]}
			/>
			<Checkboxes
				name="fosteringInterests"
				legend="What kinds of fostering are you interested in?"
				hint="Select all that apply"
				error={errorFor(errors, 'fosteringInterests')}
				choices={[...FOSTERING_INTERESTS, { value: NOT_SURE, label: 'I’m not sure yet' }]}
				dividerBefore={NOT_SURE}
				selected={interests}
				onChange={toggleInterest}
			/>

			<h2 className="govuk-heading-m">How you found us</h2>
			<Radios
				name="howHeard"
				legend="How did you hear about us?"
				error={errorFor(errors, 'howHeard')}
				selected={[howHeard]}
				onChange={(value) => setHowHeard(value)}
				choices={HOW_HEARD_OPTIONS.map((option) =>
					option.value === 'other'
						? {
								value: option.value,
								label: option.label,
								conditional: (
									<TextInput
										name="howHeardOther"
										label="Where did you hear about us?"
										error={errorFor(errors, 'howHeardOther')}
										defaultValue={text('howHeardOther')}
									/>
								),
							}
						: { value: option.value, label: option.label }
				)}
			/>
			<TextInput
				name="referralCode"
				label="Referral code (optional)"
				hint="If a foster carer gave you a referral code, enter it here"
				error={errorFor(errors, 'referralCode')}
				defaultValue={text('referralCode')}
				autoComplete="off"
				spellCheck={false}
				widthClass="govuk-input--width-10"
			/>
		</>
	)
}
