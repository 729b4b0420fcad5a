// Staff roles and the rules of the staff sign-in that need no database or clock of their own.

export const STAFF_ROLES = ['administrator', 'manager', 'officer', 'social_worker', 'read_only'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/** A member of staff as the app knows them once signed in: who did a thing, for the audit and the pages. */
export type StaffIdentity = { id: string; email: string; name: string; role: StaffRole }

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
	administrator: 'Administrator',
	manager: 'Manager',
	officer: 'Recruitment officer',
	social_worker: 'Assessing social worker',
	read_only: 'Read-only',
}

/**
 * What each role may do; every staff loader and action asks `requireStaff(request, { roles:
 * ROLES_THAT.x })`. Read-only staff see aggregates only (the funnel), never a household.
 */
export const ROLES_THAT = {
	/** See households' personal data: the pipeline, a household record, the local mailbox. */
	viewHouseholds: ['manager', 'officer', 'social_worker'],
	/** Record stage changes, contacts, notes, tasks; add an enquiry taken by phone. */
	changeHouseholds: ['manager', 'officer', 'social_worker'],
	/** See and pick up the open households nobody owns yet, on My work (issue 15, defect 5). */
	takeUnassignedWork: ['manager', 'officer'],
	/** See the team's overdue and at-risk households on My work, to step in. */
	overseeTeamWork: ['manager'],
	/** Reopen closed households, move back a stage, read a household's audit log, import CSV. */
	manageRecruitment: ['manager'],
	/** Stage names, exit reasons and channels. */
	manageSettings: ['administrator', 'manager'],
	/** Staff accounts. */
	manageUsers: ['administrator'],
	/** Add and import foster carers, record placements, attach or detach a household's referral. */
	manageCarers: ['manager', 'officer'],
	/** The refer-a-friend bonus scheme; approve, void and pay bonuses. */
	manageBonuses: ['manager'],
	/** The referral report (aggregates: no household's or carer's details). */
	viewReferralReports: ['administrator', 'manager', 'officer'],
	/** Funnel figures (aggregates, no personal data). */
	viewFunnel: ['administrator', 'manager', 'officer', 'social_worker', 'read_only'],
} as const satisfies Record<string, readonly StaffRole[]>

export function roleCan(role: StaffRole, what: keyof typeof ROLES_THAT): boolean {
	return (ROLES_THAT[what] as readonly StaffRole[]).includes(role)
}

/** The staff area's menu: only the places this role may go. */
export function staffNavigation(role: StaffRole): { to: string; label: string }[] {
	const items: { to: string; label: string; who: keyof typeof ROLES_THAT }[] = [
		{ to: '/staff/pipeline', label: 'Pipeline', who: 'viewHouseholds' },
		{ to: '/staff/my-work', label: 'My work', who: 'changeHouseholds' },
		{ to: '/staff/my-households', label: 'My households', who: 'viewHouseholds' },
		{ to: '/staff/enquiries/new', label: 'Add an enquiry', who: 'changeHouseholds' },
		{ to: '/staff/enquiries/quarantine', label: 'Held-back enquiries', who: 'changeHouseholds' },
		{ to: '/staff/import', label: 'Import', who: 'manageRecruitment' },
		{ to: '/staff/mailbox', label: 'Mailbox', who: 'viewHouseholds' },
		{ to: '/staff/carers', label: 'Carers', who: 'manageCarers' },
		{ to: '/staff/bonuses', label: 'Bonuses', who: 'manageBonuses' },
		{ to: '/staff/users', label: 'Users', who: 'manageUsers' },
		{ to: '/staff/settings', label: 'Settings', who: 'manageSettings' },
		{ to: '/staff/funnel', label: 'Funnel', who: 'viewFunnel' },
		{ to: '/staff/reports/annual-return', label: 'Annual return', who: 'viewFunnel' },
		{ to: '/staff/reports/response-times', label: 'Response times', who: 'viewFunnel' },
		{ to: '/staff/reports/referrals', label: 'Referral report', who: 'viewReferralReports' },
	]
	return items.filter((item) => roleCan(role, item.who)).map(({ to, label }) => ({ to, label }))
}

export function isStaffRole(value: string): value is StaffRole {
	return (STAFF_ROLES as readonly string[]).includes(value)
}

/**
 * The password every demo staff account is given by the demo data (prisma/seed.ts). It is public
 * on purpose, printed by `npm start`: a real service creates its own accounts and never uses it.
 */
export const DEMO_STAFF_PASSWORD = 'fostering-demo-2026'

/** How long staff sessions last. Wrong passwords: see app/models/rate-limits.server.ts (ADR 018). */
export const SIGN_IN_POLICY = {
	/** A session ends after this long without a request... */
	idleMinutes: 2 * 60,
	/** ...and this long after sign-in whatever happens. */
	absoluteMinutes: 12 * 60,
} as const

/**
 * Where to go after signing in: only a path inside the staff area, so a crafted link cannot send
 * someone who has just signed in to another site (`//evil.example`, `/\evil.example`) or out of it.
 */
export function safeStaffRedirect(target: string | null | undefined, fallback = '/staff'): string {
	if (!target || !target.startsWith('/staff')) return fallback
	if (target.startsWith('//') || /[\\\s]/.test(target) || target.includes('..')) return fallback
	if (target !== '/staff' && !/^\/staff[/?#]/.test(target)) return fallback
	return target
}

/** The demo staff sign-ins, one line each, for the seed's summary and the server's start-up. */
export function describeDemoLogins(password: string, logins: { email: string; role: string }[]): string {
	if (logins.length === 0) return ''
	const label = (role: string) => (isStaffRole(role) ? STAFF_ROLE_LABELS[role] : role)
	const width = Math.max(...logins.map((login) => login.email.length))
	return [
		'',
		`Demo staff sign-ins (demo only: every account has the password "${password}"):`,
		...logins.map((login) => `  ${login.email.padEnd(width)}  ${label(login.role)}`),
	].join('\n')
}
