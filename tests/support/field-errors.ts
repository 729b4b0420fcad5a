// A form's errors (app/domain/field-errors.ts) as { field: message }, for tests that check which
// questions got which message; the order on the page is tested where the order is made.
import type { FieldError } from '~/domain/field-errors.ts'

export function messagesByField(errors: readonly FieldError[] | undefined): Record<string, string> {
	return Object.fromEntries((errors ?? []).map((error) => [error.field ?? '', error.message]))
}
