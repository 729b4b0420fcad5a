// One shape for what is wrong with the answers to any form of the service: the GOV.UK error
// summary lists them in the order of the page, each linking to its field by name, and each field
// shows its own message beside it. An error without a field is about the form as a whole.

export type FieldError<Field extends string = string> = { field?: Field | null; message: string }

/** The message a field shows beside itself: the first error about it, if any. */
export function errorFor(errors: readonly FieldError[] | undefined, field: string): string | undefined {
	return errors?.find((error) => error.field === field)?.message
}

/** One error per field (the first found), listed in the order the fields appear on the page. */
export function inPageOrder<Field extends string>(
	found: readonly { field: Field; message: string }[],
	order: readonly Field[]
): FieldError<Field>[] {
	return order.flatMap((field) => {
		const first = found.find((error) => error.field === field)
		return first ? [{ field, message: first.message }] : []
	})
}
