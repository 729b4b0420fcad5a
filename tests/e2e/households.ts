// Households for end-to-end tests, written straight into the e2e database (no demo data there):
// one applicant, one web enquiry, and one stage event per stage up to `stage`, all dated today.
import crypto from 'node:crypto'
import { STAGE_KEYS, type StageKey } from '../../app/domain/stages.ts'
import { londonDate } from '../../app/domain/working-days.ts'
import { openE2eDatabase } from './staff.ts'

export function createE2eHousehold({
	firstName = 'Sam',
	lastName = 'Example',
	stage = 'enquiry',
}: { firstName?: string; lastName?: string; stage?: StageKey } = {}) {
	const id = crypto.randomUUID()
	const suffix = id.slice(0, 6).toUpperCase()
	const reference = `FC-E${suffix}`
	const email = `${firstName}.${lastName}.${suffix}@example.com`.toLowerCase()
	const now = new Date()
	const today = londonDate(now)
	const at = now.toISOString()
	const db = openE2eDatabase()
	try {
		db.transaction(() => {
			db.prepare(
				`INSERT INTO Household (id, reference, route, status, stage, stageEnteredOn, postcode, spareBedroom, householdMembers,
				fosteringInterests, version, firstEnquiryAt, lastEnquiryAt, createdAt, updatedAt, displayName, searchText, channelId)
				VALUES (?, ?, 'mainstream', 'open', ?, ?, 'LS1 4AP', 'yes', 'Two adults', '["long_term"]', 1, ?, ?, ?, ?, ?, ?, 'channel_search')`
			).run(
				id,
				reference,
				stage,
				today,
				at,
				at,
				at,
				at,
				`${firstName} ${lastName}`,
				`${firstName} ${lastName} ${email}`.toLowerCase()
			)
			db.prepare(
				`INSERT INTO Applicant (id, householdId, firstName, lastName, email, emailNormalized, phone, isPrimary, createdAt)
				VALUES (?, ?, ?, ?, ?, ?, '07700 900123', 1, ?)`
			).run(crypto.randomUUID(), id, firstName, lastName, email, email, at)
			db.prepare(
				`INSERT INTO Enquiry (id, householdId, submissionKey, reference, source, receivedAt, firstName, lastName, email, phone,
				postcode, bestTimeToCall, spareBedroom, householdMembers, fosteringInterests, isKinship, howHeard, channelId,
				consentGiven, consentWording, privacyNoticeUrl)
				VALUES (?, ?, ?, ?, 'web', ?, ?, ?, ?, '07700 900123', 'LS1 4AP', 'morning', 'yes', 'Two adults', '["long_term"]', 0,
				'search_engine', 'channel_search', 1, 'I agree to be contacted', '/privacy')`
			).run(crypto.randomUUID(), id, crypto.randomUUID(), `ENQ-E${suffix}`, at, firstName, lastName, email)
			const path = STAGE_KEYS.slice(0, STAGE_KEYS.indexOf(stage) + 1)
			path.forEach((toStage, index) => {
				db.prepare(
					`INSERT INTO StageEvent (id, householdId, kind, fromStage, toStage, businessDate, recordedAt)
					VALUES (?, ?, 'entered', ?, ?, ?, ?)`
				).run(
					crypto.randomUUID(),
					id,
					index === 0 ? null : path[index - 1],
					toStage,
					today,
					new Date(now.getTime() - (path.length - index) * 1000).toISOString()
				)
			})
		})()
	} finally {
		db.close()
	}
	return { id, reference, name: `${firstName} ${lastName}`, email }
}
