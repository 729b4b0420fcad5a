import { SITEMAP_PATHS } from '~/domain/public-site.ts'
import { siteOrigin } from '~/utils/site-url.server.ts'

// The public pages for search engines, with absolute addresses from the public origin.
export function loader() {
	const origin = siteOrigin()
	const urls = SITEMAP_PATHS.map((path) => `\t<url>\n\t\t<loc>${escapeXml(`${origin}${path}`)}</loc>\n\t</url>`)
	const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join(
		'\n'
	)}\n</urlset>\n`
	return new Response(xml, {
		headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
	})
}

function escapeXml(text: string) {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
