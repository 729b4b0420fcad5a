import type { RootData } from '~/utils/root-data.ts'
import { SiteLink } from './site-link.tsx'

export function SiteFooter({
	site,
	containerClassName = 'govuk-width-container',
}: {
	site: RootData['site']
	/** The staff area's is full width (ADR 030). */
	containerClassName?: string
}) {
	const year = new Date().getFullYear()
	return (
		<footer className="govuk-footer">
			<div className={containerClassName}>
				<div className="govuk-footer__meta">
					<div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
						<h2 className="govuk-visually-hidden">Support links</h2>
						<ul className="govuk-footer__inline-list">
							<li className="govuk-footer__inline-list-item">
								<SiteLink className="govuk-footer__link" to="/privacy">
									Privacy notice
								</SiteLink>
							</li>
							<li className="govuk-footer__inline-list-item">
								<SiteLink className="govuk-footer__link" to="/cookies">
									Cookies and analytics
								</SiteLink>
							</li>
							<li className="govuk-footer__inline-list-item">
								<SiteLink className="govuk-footer__link" to="/accessibility">
									Accessibility statement
								</SiteLink>
							</li>
							<li className="govuk-footer__inline-list-item">
								<SiteLink className="govuk-footer__link" to="/refer">
									Foster carers: refer a friend
								</SiteLink>
							</li>
						</ul>
						<p className="govuk-body-s">
							Call {site.phone} ({site.phoneHours}) or email{' '}
							<a className="govuk-footer__link" href={`mailto:${site.publicEmail}`}>
								{site.publicEmail}
							</a>
						</p>
						<p className="govuk-body-s">
							© {year} {site.organisationName}
						</p>
					</div>
				</div>
			</div>
		</footer>
	)
}
