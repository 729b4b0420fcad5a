import { SiteLink } from './site-link.tsx'

/** The GOV.UK start button, as a link: it works the same with or without JavaScript. */
export function StartButton({ to, children }: { to: string; children: string }) {
	return (
		<SiteLink to={to} role="button" draggable={false} className="govuk-button govuk-button--start">
			{children}
			<svg
				className="govuk-button__start-icon"
				xmlns="http://www.w3.org/2000/svg"
				width="17.5"
				height="19"
				viewBox="0 0 33 40"
				aria-hidden="true"
				focusable="false"
			>
				<path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
			</svg>
		</SiteLink>
	)
}
