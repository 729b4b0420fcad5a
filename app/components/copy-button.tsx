import { useState, useSyncExternalStore } from 'react'

const noSubscription = () => () => {}

/**
 * A "Copy" button for a read-only field, shown only once JavaScript has started (without it there
 * is nothing it could do; the field itself can still be selected and copied). A status message
 * tells screen reader users it worked.
 */
export function CopyButton({ targetId, label }: { targetId: string; label: string }) {
	// False on the server and while hydrating (so the page matches its HTML), then whether this browser can copy.
	const ready = useSyncExternalStore(
		noSubscription,
		() => Boolean(navigator.clipboard),
		() => false
	)
	const [status, setStatus] = useState('')
	if (!ready) return null
	async function copy() {
		const field = document.getElementById(targetId) as HTMLInputElement | null
		if (!field) return
		try {
			await navigator.clipboard.writeText(field.value)
			setStatus('Copied')
		} catch {
			field.select()
			setStatus('Press Ctrl+C (or Cmd+C) to copy')
		}
	}
	return (
		<div className="govuk-button-group">
			<button type="button" className="govuk-button govuk-button--secondary" onClick={copy}>
				{label}
			</button>
			<p className="govuk-body" role="status">
				{status}
			</p>
		</div>
	)
}
