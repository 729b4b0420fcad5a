import { useLocation } from '@remix-run/react'
import { SiteLink } from './site-link.tsx'

export type NavigationItem = { to: string; label: string }

const PUBLIC_NAVIGATION: NavigationItem[] = [
	{ to: '/can-i-foster', label: 'Can I foster?' },
	{ to: '/what-fostering-involves', label: 'What fostering involves' },
	{ to: '/support-and-allowances', label: 'Support and allowances' },
	{ to: '/faqs', label: 'FAQs' },
	{ to: '/enquire', label: 'Enquire' },
]

/**
 * The service's own header: its name, never the GOV.UK crown or logotype. The navigation is
 * GOV.UK service navigation without its JavaScript menu toggle: on a phone the links wrap onto a
 * few short lines instead of hiding behind a button, so they work without JavaScript.
 */
export function SiteHeader({
	serviceName,
	homeHref = '/',
	navigation = PUBLIC_NAVIGATION,
	navigationLabel = 'Menu',
	containerClassName = 'govuk-width-container',
}: {
	serviceName: string
	/** The staff area passes its own home and menu (app/routes/staff+/_layout.tsx). */
	homeHref?: string
	navigation?: NavigationItem[]
	navigationLabel?: string
	/** The staff area's is full width (ADR 030). */
	containerClassName?: string
}) {
	const { pathname } = useLocation()
	return (
		<header className="govuk-header app-header">
			<div className={`govuk-header__container ${containerClassName}`}>
				<div className="govuk-header__logo app-header__logo">
					<SiteLink to={homeHref} className="govuk-header__link govuk-header__link--homepage">
						<span className="app-header__service-name">{serviceName}</span>
					</SiteLink>
				</div>
			</div>
			{navigation.length === 0 ? null : (
				<div className="govuk-service-navigation app-navigation">
					<div className={containerClassName}>
						<div className="govuk-service-navigation__container">
							<nav aria-label={navigationLabel} className="govuk-service-navigation__wrapper">
								<ul className="govuk-service-navigation__list" id="navigation">
									{navigation.map((item) => {
										const active = pathname === item.to || pathname.startsWith(`${item.to}/`)
										return (
											<li
												key={item.to}
												className={`govuk-service-navigation__item${
													active ? ' govuk-service-navigation__item--active' : ''
												}`}
											>
												<SiteLink
													to={item.to}
													className="govuk-service-navigation__link"
													aria-current={active ? 'page' : undefined}
												>
													{active ? (
														<strong className="govuk-service-navigation__active-fallback">{item.label}</strong>
													) : (
														item.label
													)}
												</SiteLink>
											</li>
										)
									})}
								</ul>
							</nav>
						</div>
					</div>
				</div>
			)}
		</header>
	)
}
