import { beforeAll, describe, expect, test } from 'vitest'
import type { StaffRole } from '~/domain/staff.ts'
import { asSent } from '../support/outbox.ts'
import { createStaff, runRoute, signIn, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'

// Administrators managing staff accounts: adding someone (who then gets a link to set their
// password), changing name and role, sending a reset link, turning accounts off and on, and the
// changes that are refused.

const { prisma } = await import('~/utils/db.server.ts')
const { getStaffSession } = await import('~/services/auth.server.ts')
const list = await import('~/routes/staff+/_admin+/users._index.tsx')
const add = await import('~/routes/staff+/_admin+/users.new.tsx')
const edit = await import('~/routes/staff+/_admin+/users.$id.tsx')

let admin: SignedIn

beforeAll(async () => {
	await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL')
	admin = await signedInAs('administrator', 'Ada Admin')
})

const editUser = (id: string, as: SignedIn, form: Record<string, string>) =>
	runRoute(edit.action, staffRequest(`/staff/users/${id}`, as, form), { id })

describe('who may administer accounts', () => {
	test('only administrators: every other role gets 403 on every page and action', async () => {
		const target = await createStaff('officer')
		for (const role of ['manager', 'officer', 'social_worker', 'read_only'] as StaffRole[]) {
			const someone = await signedInAs(role)
			expect((await runRoute(list.loader, staffRequest('/staff/users', someone))).status).toBe(403)
			expect((await runRoute(add.loader, staffRequest('/staff/users/new', someone))).status).toBe(403)
			const form = { name: 'Sneaky', email: 'sneaky@northdale.example', role: 'administrator' }
			expect((await runRoute(add.action, staffRequest('/staff/users/new', someone, form))).status).toBe(403)
			expect(
				(await runRoute(edit.loader, staffRequest(`/staff/users/${target.id}`, someone), { id: target.id })).status
			).toBe(403)
			expect((await editUser(target.id, someone, { intent: 'save', name: 'X', role: 'administrator' })).status).toBe(
				403
			)
		}
		expect(await prisma.staffUser.count({ where: { email: 'sneaky@northdale.example' } })).toBe(0)
		expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: target.id } })).role).toBe('officer')
	})

	test('signed out: sent to sign in; a form without the CSRF token: 403', async () => {
		const signedOut = await runRoute(list.loader, staffRequest('/staff/users', null))
		expect(signedOut.status).toBe(302)
		expect(signedOut.location).toBe('/staff/login?redirectTo=%2Fstaff%2Fusers')
		const forged = staffRequest(
			'/staff/users/new',
			{ ...admin, csrf: 'wrong' },
			{ name: 'A', email: 'a@b.example', role: 'officer' }
		)
		expect((await runRoute(add.action, forged)).status).toBe(403)
	})
})

describe('adding a user', () => {
	test('creates the account without a password and emails a 7-day link to set one', async () => {
		const answer = await runRoute(
			add.action,
			staffRequest('/staff/users/new', admin, {
				name: '  Nia  Newcomer ',
				email: 'Nia.Newcomer@Northdale.example',
				role: 'officer',
			})
		)
		expect(answer.status).toBe(303)
		const user = await prisma.staffUser.findUniqueOrThrow({ where: { email: 'nia.newcomer@northdale.example' } })
		expect(answer.location).toBe(`/staff/users/${user.id}?done=added`)
		expect(user).toMatchObject({ name: 'Nia Newcomer', role: 'officer', passwordHash: null, disabledAt: null })

		const [email] = await prisma.outboxMessage.findMany({ where: { toAddress: user.email } })
		expect(email).toMatchObject({
			template: 'password-welcome',
			subject: 'Set your password for the Foster with Northdale staff area',
		})
		expect(asSent(email!).text).toMatch(
			/https:\/\/fostering\.northdale\.example\/staff\/reset-password\/[A-Za-z0-9_-]{43}/
		)
		const [link] = await prisma.passwordReset.findMany({ where: { userId: user.id } })
		expect(link!.expiresAt.getTime() - link!.createdAt.getTime()).toBe(7 * 24 * 60 * 60_000)

		const page = await runRoute(edit.loader, staffRequest(answer.location!, admin), { id: user.id })
		expect(page.data.done).toBe('Account added. We have emailed them a link to set their password.')
		expect(page.data.user).toMatchObject({
			name: 'Nia Newcomer',
			status: 'no_password',
			roleLabel: 'Recruitment officer',
		})

		const audit = await prisma.auditEntry.findFirst({
			where: { actorId: admin.staff.id, householdId: null },
			orderBy: { at: 'desc' },
		})
		expect(audit!.detail).toBe(
			'Added the staff account of Nia Newcomer (nia.newcomer@northdale.example) as Recruitment officer'
		)
	})

	test('refuses missing answers and an address that already has an account', async () => {
		const empty = await runRoute(add.action, staffRequest('/staff/users/new', admin, { name: '', email: '', role: '' }))
		expect(empty.status).toBe(400)
		expect(empty.data.errors.map((error: { field: string }) => error.field)).toEqual(['name', 'email', 'role'])

		const existing = await createStaff('manager')
		const before = await prisma.outboxMessage.count()
		const duplicate = await runRoute(
			add.action,
			staffRequest('/staff/users/new', admin, { name: 'Someone', email: existing.email.toUpperCase(), role: 'officer' })
		)
		expect(duplicate.status).toBe(409)
		expect(duplicate.data.errors).toEqual([
			{ field: 'email', message: 'There is already an account with that email address' },
		])
		expect(await prisma.outboxMessage.count()).toBe(before)
	})
})

describe('the list', () => {
	test('shows every account with its role and status', async () => {
		const active = await createStaff('social_worker', 'Aaron Active')
		await prisma.staffUser.update({ where: { id: active.id }, data: { passwordHash: 'x' } })
		const off = await createStaff('read_only', 'Aaron Off')
		await prisma.staffUser.update({ where: { id: off.id }, data: { disabledAt: new Date() } })
		const page = await runRoute(list.loader, staffRequest('/staff/users', admin))
		expect(page.status).toBe(200)
		const byName = Object.fromEntries(page.data.users.map((user: { name: string }) => [user.name, user]))
		expect(byName['Aaron Active']).toMatchObject({ role: 'Assessing social worker', status: 'active' })
		expect(byName['Aaron Off']).toMatchObject({ role: 'Read-only', status: 'disabled' })
		expect(byName['Ada Admin']).toMatchObject({ role: 'Administrator', status: 'no_password' })
		expect(page.data.total).toBe(await prisma.staffUser.count())
	})
})

describe('changing an account', () => {
	test('name and role; the new role applies to their very next request', async () => {
		const person = await signedInAs('officer', 'Olu Officer')
		const saved = await editUser(person.staff.id, admin, { intent: 'save', name: 'Olu Manager', role: 'manager' })
		expect(saved.status).toBe(303)
		expect(saved.location).toBe(`/staff/users/${person.staff.id}?done=saved`)
		const session = await getStaffSession(staffRequest('/staff', person))
		expect(session!.user).toMatchObject({ name: 'Olu Manager', role: 'manager' })
		const audit = await prisma.auditEntry.findFirst({ where: { householdId: null }, orderBy: { at: 'desc' } })
		expect(audit!.detail).toContain(
			'renamed Olu Officer to Olu Manager; changed the role of Olu Manager from Recruitment officer to Manager'
		)
	})

	test('refuses a blank name or an unknown role', async () => {
		const person = await createStaff('officer')
		const answer = await editUser(person.id, admin, { intent: 'save', name: ' ', role: 'owner' })
		expect(answer.status).toBe(400)
		expect(answer.data.errors).toEqual([
			{ field: 'name', message: 'Enter their full name' },
			{ field: 'role', message: 'Select a role' },
		])
	})

	test('turning an account off signs them out at once; turning it on lets them back', async () => {
		const person = await signedInAs('officer')
		const off = await editUser(person.staff.id, admin, { intent: 'disable' })
		expect(off.location).toBe(`/staff/users/${person.staff.id}?done=disabled`)
		expect(await prisma.staffSession.count({ where: { userId: person.staff.id } })).toBe(0)
		expect(await getStaffSession(staffRequest('/staff', person))).toBeNull()

		const on = await editUser(person.staff.id, admin, { intent: 'enable' })
		expect(on.location).toBe(`/staff/users/${person.staff.id}?done=enabled`)
		expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: person.staff.id } })).disabledAt).toBeNull()
		expect(await getStaffSession(staffRequest('/staff', await signIn(person.staff)))).not.toBeNull()
	})

	test('sends a reset link to someone with a password, or a new 7-day link to someone without', async () => {
		const person = await createStaff('officer')
		await prisma.staffUser.update({ where: { id: person.id }, data: { passwordHash: 'set' } })
		const sent = await editUser(person.id, admin, { intent: 'send-link' })
		expect(sent.location).toBe(`/staff/users/${person.id}?done=link`)
		const newcomer = await createStaff('officer')
		await editUser(newcomer.id, admin, { intent: 'send-link' })
		const templates = await prisma.outboxMessage.findMany({
			where: { toAddress: { in: [person.email, newcomer.email] } },
			select: { toAddress: true, template: true },
		})
		expect(templates).toEqual(
			expect.arrayContaining([
				{ toAddress: person.email, template: 'password-reset' },
				{ toAddress: newcomer.email, template: 'password-welcome' },
			])
		)
		// Not to a turned-off account.
		await prisma.staffUser.update({ where: { id: person.id }, data: { disabledAt: new Date() } })
		const refused = await editUser(person.id, admin, { intent: 'send-link' })
		expect(refused.status).toBe(409)
		expect(refused.data.errors[0].message).toBe('Turn the account on before sending a password link.')
	})

	test('an administrator cannot turn off their own account', async () => {
		const answer = await editUser(admin.staff.id, admin, { intent: 'disable' })
		expect(answer.status).toBe(409)
		expect(answer.data.errors[0].message).toBe('You cannot turn off your own account. Ask another administrator.')
		expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: admin.staff.id } })).disabledAt).toBeNull()
	})

	test('the last active administrator cannot give up the role; with another one they can', async () => {
		const solo = await signedInAs('administrator', 'Solo Admin')
		// Make Solo the only active administrator.
		await prisma.staffUser.updateMany({
			where: { role: 'administrator', id: { not: solo.staff.id } },
			data: { disabledAt: new Date() },
		})
		const refused = await editUser(solo.staff.id, solo, { intent: 'save', name: 'Solo Admin', role: 'manager' })
		expect(refused.status).toBe(409)
		expect(refused.data.errors).toEqual([
			{
				field: 'role',
				message: 'There must always be at least one active administrator. Make someone else an administrator first.',
			},
		])
		expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: solo.staff.id } })).role).toBe('administrator')

		// Another administrator turned back on: now Solo may hand over and become a manager.
		await prisma.staffUser.update({ where: { id: admin.staff.id }, data: { disabledAt: null } })
		const handedOver = await editUser(solo.staff.id, solo, { intent: 'save', name: 'Solo Admin', role: 'manager' })
		expect(handedOver.status).toBe(303)
		expect(handedOver.location).toBe('/staff')
	})

	test('an unknown account is 404', async () => {
		expect((await runRoute(edit.loader, staffRequest('/staff/users/nope', admin), { id: 'nope' })).status).toBe(404)
	})

	test('a made-up confirmation in the address shows no banner (and does not break the page)', async () => {
		const person = await createStaff('officer')
		for (const done of ['toString', 'constructor', 'nonsense']) {
			const page = await runRoute(edit.loader, staffRequest(`/staff/users/${person.id}?done=${done}`, admin), {
				id: person.id,
			})
			expect(page.status).toBe(200)
			expect(page.data.done).toBeNull()
		}
	})
})
