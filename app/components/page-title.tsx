// The page's <title>, written one way everywhere: GOV.UK asks for an "Error: " prefix when a page
// shows errors, then the page's own name (most specific part first), then the service's name, so a
// screen reader user and a browser tab both know where they are and whether something went wrong.

export type PageTitleProps = {
	/** The page's name; several parts (most specific first) are joined with " – ". */
	title: string | readonly string[]
	/** The service's name; left out on the few pages whose title names the record instead. */
	serviceName?: string
	/** Staff pages say " staff" after the service's name, so a tab shows which side of the service it is. */
	area?: 'public' | 'staff'
	/** True when the page shows an error summary. */
	error?: boolean
}

/** The title's text: "Error: " when the page shows errors, the parts, then the service and area. */
export function pageTitleText({ title, serviceName, area = 'public', error = false }: PageTitleProps) {
	const site = [serviceName, area === 'staff' ? 'staff' : undefined].filter(Boolean).join(' ')
	const parts = [...(typeof title === 'string' ? [title] : title), ...(site ? [site] : [])]
	return `${error ? 'Error: ' : ''}${parts.join(' – ')}`
}

/** Rendered inside the page's markup: React 18 keeps it where it is, and browsers read the first <title>. */
export function PageTitle(props: PageTitleProps) {
	return <title>{pageTitleText(props)}</title>
}
