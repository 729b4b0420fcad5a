import type { ReactNode } from 'react'
import { INFORMATION_PAGES, telephoneHref } from '~/domain/public-site.ts'
import { useRootData } from '~/utils/root-data.ts'
import { SiteLink } from './site-link.tsx'

/**
 * The side column of an information page: the other pages about fostering, and how to get in
 * touch. Links between the pages help people (and search engines) find the rest of the site.
 */
export function RelatedContent({ current }: { current: string }) {
	const site = useRootData()?.site
	return (
		<aside className="app-related" aria-labelledby="related-heading">
			<h2 className="govuk-heading-s" id="related-heading">
				More about fostering
			</h2>
			<ul className="govuk-list govuk-!-font-size-16">
				{INFORMATION_PAGES.filter((page) => page.path !== current).map((page) => (
					<li key={page.path}>
						<SiteLink to={page.path} className="govuk-link">
							{page.label}
						</SiteLink>
					</li>
				))}
				<li>
					<SiteLink to="/enquire" className="govuk-link">
						Make an enquiry
					</SiteLink>
				</li>
			</ul>
			{site ? (
				<>
					<h2 className="govuk-heading-s">Talk to us</h2>
					<p className="govuk-body-s">
						Call{' '}
						<a className="govuk-link app-nowrap" href={telephoneHref(site.phone)}>
							{site.phone}
						</a>
						<br />
						{site.phoneHours}
					</p>
					<p className="govuk-body-s">
						Email{' '}
						<a className="govuk-link" href={`mailto:${site.publicEmail}`}>
							{site.publicEmail}
						</a>
					</p>
				</>
			) : null}
		</aside>
	)
}

/** Two thirds for the page, one third for related content: the layout of every information page. */
export function InformationPage({ current, children }: { current: string; children: ReactNode }) {
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">{children}</div>
			<div className="govuk-grid-column-one-third">
				<RelatedContent current={current} />
			</div>
		</div>
	)
}
