import { siteUrl } from '~/utils/site-url.server.ts'

// Search engines may read every public page; the staff area and the API are not for them.
export function loader() {
	const body = [
		'User-agent: *',
		'Allow: /',
		'Disallow: /staff',
		'Disallow: /api',
		// The refer-a-friend portal is personal; /refer itself stays public.
		'Disallow: /refer/',
		'Disallow: /r/',
		'',
		`Sitemap: ${siteUrl('/sitemap.xml')}`,
		'',
	].join('\n')
	return new Response(body, {
		headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
	})
}
