import { Link, type LinkProps } from '@remix-run/react'
import { useRootData } from '~/utils/root-data.ts'
import { withCarryOver } from '~/domain/attribution.ts'

/**
 * A link to one of our own public pages that keeps the attribution the visitor arrived with
 * (tracked-link parameters, referral code) until they reach the enquiry form.
 */
export function SiteLink({ to, ...props }: Omit<LinkProps, 'to'> & { to: string }) {
	const carry = useRootData()?.carry ?? ''
	return <Link to={withCarryOver(to, carry)} {...props} />
}
