// What React did for the GOV.UK form components on the public site's pages, done in the browser
// without it (ADR 026): a conditional question shows only while its choice is selected, a "none
// of these" checkbox (data-behaviour="exclusive", as GOV.UK marks it) clears the others and the
// others clear it, and an error summary takes the focus so screen readers announce it. Markup and
// class names are govuk-frontend's; its own Radios script is not used because it marks radios
// aria-expanded, which ARIA does not allow on a radio (axe: aria-allowed-attr).

const REVEAL_HIDDEN: Record<string, string> = {
	radio: 'govuk-radios__conditional--hidden',
	checkbox: 'govuk-checkboxes__conditional--hidden',
}

/** Shows or hides the conditional question an input controls (aria-controls), by whether it is checked. */
function syncReveal(input: HTMLInputElement) {
	const target = document.getElementById(input.getAttribute('aria-controls') ?? '')
	const hidden = REVEAL_HIDDEN[input.type]
	if (target && hidden) target.classList.toggle(hidden, !input.checked)
}

/** The inputs answering the same question as `input`: same form, same name. */
function sameQuestion(input: HTMLInputElement): HTMLInputElement[] {
	const elements = input.form ? Array.from(input.form.elements) : [input]
	return elements.filter((element): element is HTMLInputElement => {
		return element instanceof HTMLInputElement && element.name === input.name && element.type === input.type
	})
}

function onChoice(event: Event) {
	const input = event.target
	if (!(input instanceof HTMLInputElement) || !(input.type in REVEAL_HIDDEN)) return
	const question = sameQuestion(input)
	if (input.type === 'checkbox' && input.checked) {
		const exclusive = input.dataset.behaviour === 'exclusive'
		for (const other of question) {
			if (other !== input && (exclusive || other.dataset.behaviour === 'exclusive')) other.checked = false
		}
	}
	question.forEach(syncReveal)
}

/** Starts the behaviour on this page's forms; does nothing on a page without one. */
export function startFormBehaviour(document: Document) {
	if (document.forms.length === 0) return
	const syncAll = () => document.querySelectorAll<HTMLInputElement>('input[aria-controls]').forEach(syncReveal)
	syncAll()
	// Back and forward can restore answers the page's markup did not have.
	window.addEventListener('pageshow', syncAll)
	document.addEventListener('change', onChoice)
	document.querySelector<HTMLElement>('.govuk-error-summary')?.focus()
}
