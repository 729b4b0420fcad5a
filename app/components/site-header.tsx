import { useLocation } from '@remix-run/react'
import { SiteLink } from './site-link.tsx'

const NAVIGATION = [
	{ to: '/can-i-foster', label: 'Can I foster?' },
	{ to: '/what-fostering-involves', label: 'What fostering involves' },
	{ to: '/support-and-allowances', label: 'Support and allowances' },
	{ to: '/faqs', label: 'FAQs' },
	{ to: '/enquire', label: 'Enquire' },
]

/** The service's own header: its name, never the GOV.UK crown or logotype. */
export function SiteHeader({ serviceName }: { serviceName: string }) {
	const { pathname } = useLocation()
	return (
		<header className="govuk-header app-header" data-module="govuk-header">
			<div className="govuk-header__container govuk-width-container">
				<div className="govuk-header__logo app-header__logo">
					<SiteLink to="/" className="govuk-header__link govuk-header__link--homepage">
						<span className="app-header__service-name">{serviceName}</span>
					</SiteLink>
				</div>
			</div>
			<nav aria-label="Menu" className="govuk-service-navigation app-navigation">
				<div className="govuk-width-container">
					<ul className="govuk-service-navigation__list" id="navigation">
						{NAVIGATION.map((item) => {
							const active = pathname === item.to || pathname.startsWith(`${item.to}/`)
							return (
								<li
									key={item.to}
									className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}
								>
									<SiteLink
										to={item.to}
										className="govuk-service-navigation__link"
										aria-current={active ? 'page' : undefined}
									>
										{item.label}
									</SiteLink>
								</li>
							)
						})}
					</ul>
				</div>
			</nav>
		</header>
	)
}
