import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { Pagination } from '~/components/pagination.tsx'
import { OutboxStatusTag } from '~/components/status-tags.tsx'
import { ROLES_THAT } from '~/domain/staff.ts'
import { formatDateTime } from '~/domain/working-days.ts'
import { listOutboxMessages } from '~/models/outbox.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// Every email the service has sent or is trying to send (the outbox), newest first: where a
// team without access to the mail server can see that an email went, or why it did not.
export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), 'Mailbox')
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.viewHouseholds })
	const page = Math.max(1, Math.floor(Number(new URL(request.url).searchParams.get('page')) || 1))
	const { messages, total, pages } = await listOutboxMessages(page)
	return {
		page,
		pages,
		total,
		messages: messages.map((message) => ({
			id: message.id,
			to: message.toAddress,
			subject: message.subject,
			template: message.template,
			status: message.status,
			attempts: message.attempts,
			lastError: message.lastError && message.status !== 'sent' ? shorten(message.lastError, 80) : null,
			createdAt: formatDateTime(message.createdAt),
		})),
	}
}

function shorten(text: string, length: number) {
	return text.length > length ? `${text.slice(0, length - 1)}…` : text
}

export default function Mailbox() {
	const page = useLoaderData<typeof loader>()
	const location = useLocation()
	return (
		<>
			<h1 className="govuk-heading-l" id="mailbox">
				Mailbox
			</h1>
			<div className="govuk-grid-row">
				<div className="govuk-grid-column-two-thirds">
					<p className="govuk-body">
						Every email the service has sent or is sending, newest first. Emails that fail are tried again for as long
						as it takes; one the mail server refuses several times is marked ‘Not sent’ and a manager can try it again.
					</p>
				</div>
			</div>
			{page.total === 0 ? (
				<p className="govuk-body">No emails yet.</p>
			) : (
				<ScrollingTable caption="Emails, newest first" captionSize="hidden" labelledBy="mailbox">
					<thead className="govuk-table__head">
						<tr className="govuk-table__row">
							<th scope="col" className="govuk-table__header">
								Subject
							</th>
							<th scope="col" className="govuk-table__header">
								To
							</th>
							<th scope="col" className="govuk-table__header">
								Written
							</th>
							<th scope="col" className="govuk-table__header">
								Status
							</th>
							<th scope="col" className="govuk-table__header govuk-table__header--numeric">
								Attempts
							</th>
						</tr>
					</thead>
					<tbody className="govuk-table__body">
						{page.messages.map((message) => (
							<tr className="govuk-table__row" key={message.id}>
								<td className="govuk-table__cell">
									<Link to={`/staff/mailbox/${message.id}`} className="govuk-link">
										{message.subject}
									</Link>
									<span className="govuk-hint govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
										{message.template}
									</span>
									{message.lastError ? (
										<span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
											Last error: {message.lastError}
										</span>
									) : null}
								</td>
								<td className="govuk-table__cell govuk-!-text-break-word">{message.to}</td>
								<td className="govuk-table__cell">{message.createdAt}</td>
								<td className="govuk-table__cell">
									<OutboxStatusTag status={message.status} />
								</td>
								<td className="govuk-table__cell govuk-table__cell--numeric">{message.attempts}</td>
							</tr>
						))}
					</tbody>
				</ScrollingTable>
			)}
			<Pagination page={page.page} pages={page.pages} search={location.search} />
		</>
	)
}
