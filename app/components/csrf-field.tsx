/** The hidden field every staff form carries, checked by verifyCsrf in the action. */
export function CsrfField({ token }: { token: string }) {
	return <input type="hidden" name="csrf" value={token} />
}
