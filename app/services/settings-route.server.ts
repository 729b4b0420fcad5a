// The action of a settings record page (a channel, an exit reason): rename it, retire it or bring
// it back. Records in these lists are never deleted, because households and reports point at them.
import { data, redirect } from '@remix-run/node'
import type { FieldError } from '~/domain/field-errors.ts'
import { readNameForm } from '~/domain/settings.ts'
import type { SettingsOutcome } from '~/models/settings.server.ts'
import { now } from '~/utils/clock.server.ts'

/** What the page shows again when a rename or a retirement is refused. */
export type RenameOrRetireResult = { errors: FieldError<'label'>[]; label?: string }

export type RenameOrRetireOptions = {
	/** The list page the record belongs to; the outcome is shown there (`?done=`). */
	listPath: string
	/** How the name field's messages call the record. */
	what: 'reason' | 'channel'
	/** The 404's text when the record went between the page and the post. */
	missing: string
	rename: (id: string, label: string) => Promise<SettingsOutcome>
	setRetired: (id: string, retired: boolean, at: Date) => Promise<unknown>
	/** Why this record may not be retired, if it may not (refused with a 409). */
	retireRefusal?: string | null
}

export async function renameOrRetire(form: FormData, id: string, options: RenameOrRetireOptions) {
	const intent = String(form.get('intent') ?? '')
	if (intent === 'retire' || intent === 'restore') {
		if (intent === 'retire' && options.retireRefusal) {
			return data<RenameOrRetireResult>({ errors: [{ message: options.retireRefusal }] }, { status: 409 })
		}
		await options.setRetired(id, intent === 'retire', now())
		throw redirect(`${options.listPath}?done=${intent === 'retire' ? 'retired' : 'restored'}`, 303)
	}
	if (intent !== 'rename') throw new Response('Unknown action', { status: 400 })
	const { label, error } = readNameForm(String(form.get('label') ?? ''), options.what)
	if (error) return data<RenameOrRetireResult>({ errors: [{ field: 'label', message: error }], label }, { status: 400 })
	const outcome = await options.rename(id, label)
	if (!outcome.ok) {
		if ('missing' in outcome) throw new Response(options.missing, { status: 404 })
		return data<RenameOrRetireResult>({ errors: [{ field: 'label', message: outcome.error }], label }, { status: 409 })
	}
	throw redirect(`${options.listPath}?done=saved`, 303)
}

/** The list page's banner for `?done=` after adding, renaming, retiring or bringing back a record. */
export function retirableDoneMessage(url: URL, noun: string): string | null {
	const messages: Record<string, string> = {
		added: `${noun} added`,
		saved: `${noun} renamed`,
		retired: `${noun} retired`,
		restored: `${noun} brought back`,
	}
	const done = url.searchParams.get('done')
	return done && Object.hasOwn(messages, done) ? (messages[done] ?? null) : null
}
