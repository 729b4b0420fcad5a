import { useEffect, useState } from 'react'

/**
 * A "Copy" button for a read-only field, shown only once JavaScript has started (without it there
 * is nothing it could do; the field itself can still be selected and copied). A status message
 * tells screen reader users it worked.
 */
export function CopyButton({ targetId, label }: { targetId: string; label: string }) {
	const [ready, setReady] = useState(false)
	const [status, setStatus] = useState('')
	useEffect(() => setReady(typeof navigator !== 'undefined' && Boolean(navigator.clipboard)), [])
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
