// The shared GOV.UK pagination of every paginated staff list, and the pages it offers.

import { Link } from '@remix-run/react'

/** An ellipsis where pages are left out: GOV.UK's own character (U+22EF), written out, not as an entity. */
const ELLIPSIS = '\u22EF'

/**
 * The pages to offer: the first, the last, and the ones either side of this one, with a gap
 * (null) where two or more pages are left out. A single page left out is shown instead: an
 * ellipsis standing for one page takes the same room and hides it.
 */
export function pageItems(page: number, pages: number): (number | null)[] {
	const near = [...new Set([1, page - 1, page, page + 1, pages])]
		.filter((n) => n >= 1 && n <= pages)
		.sort((a, b) => a - b)
	return near.flatMap((n, index) => {
		const gap = index === 0 ? 0 : n - near[index - 1]! - 1
		// One page left out is shown (1 2 3 4, not 1 2 ⋯ 4); two or more are an ellipsis.
		return gap === 0 ? [n] : gap === 1 ? [n - 1, n] : [null, n]
	})
}

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
				{pageItems(page, pages).map((n, index) =>
					n === null ? (
						<li key={`gap-${index}`} className="govuk-pagination__item govuk-pagination__item--ellipses">
							{ELLIPSIS}
						</li>
					) : (
						<PageItem key={n} n={n} current={n === page} href={href(n)} />
					)
				)}
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

function PageItem({ n, current, href }: { n: number; current: boolean; href: string }) {
	return (
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
	)
}
