import { Link } from '@remix-run/react'

/**
 * GOV.UK pagination for a list whose filters live in the URL: each link keeps the current query
 * and changes only `page`.
 */
export function Pagination({ page, pages, search }: { page: number; pages: number; search: string }) {
	if (pages <= 1) return null
	const href = (target: number) => {
		const params = new URLSearchParams(search)
		if (target === 1) params.delete('page')
		else params.set('page', String(target))
		const query = params.toString()
		return query ? `?${query}` : '?'
	}
	// The first, the last, and the pages either side of this one, with ellipses between.
	const shown = [...new Set([1, page - 1, page, page + 1, pages])]
		.filter((n) => n >= 1 && n <= pages)
		.sort((a, b) => a - b)
	return (
		<nav className="govuk-pagination" aria-label="Pages">
			{page > 1 ? (
				<div className="govuk-pagination__prev">
					<Link className="govuk-link govuk-pagination__link" to={href(page - 1)} rel="prev">
						<span className="govuk-pagination__link-title">
							Previous<span className="govuk-visually-hidden"> page</span>
						</span>
					</Link>
				</div>
			) : null}
			<ul className="govuk-pagination__list">
				{shown.map((n, index) => (
					<PageItem
						key={n}
						n={n}
						current={n === page}
						gapBefore={index > 0 && n - shown[index - 1]! > 1}
						href={href(n)}
					/>
				))}
			</ul>
			{page < pages ? (
				<div className="govuk-pagination__next">
					<Link className="govuk-link govuk-pagination__link" to={href(page + 1)} rel="next">
						<span className="govuk-pagination__link-title">
							Next<span className="govuk-visually-hidden"> page</span>
						</span>
					</Link>
				</div>
			) : null}
		</nav>
	)
}

function PageItem({ n, current, gapBefore, href }: { n: number; current: boolean; gapBefore: boolean; href: string }) {
	return (
		<>
			{gapBefore ? <li className="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li> : null}
			<li className={`govuk-pagination__item${current ? ' govuk-pagination__item--current' : ''}`}>
				<Link
					className="govuk-link govuk-pagination__link"
					to={href}
					aria-label={`Page ${n}`}
					aria-current={current ? 'page' : undefined}
				>
					{n}
				</Link>
			</li>
		</>
	)
}
