import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { normaliseReferralCode } from '~/domain/attribution.ts'
import { activeReferralCode } from '~/models/referral-portal.server.ts'

// A carer's personal link, /r/CODE: it lands on the public home page with the code in `ref`, which
// our links carry to the enquiry form (ADR 004). An unknown or inactive code lands on the home page
// without it, with no error page that would confirm which codes exist.

const MAX_CODE_LENGTH = 32

export async function loader({ params }: LoaderFunctionArgs) {
	const code = normaliseReferralCode(params.code ?? '')
	const active = code.length > 0 && code.length <= MAX_CODE_LENGTH ? await activeReferralCode(code) : null
	// Not cached: a code turned inactive must stop working at once.
	const headers = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' }
	return redirect(active ? `/?ref=${encodeURIComponent(active)}` : '/', { status: 302, headers })
}
