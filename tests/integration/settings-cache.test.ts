import Database from 'better-sqlite3'
import { afterEach, expect, test } from 'vitest'

// The settings each process keeps in memory (ADR 029): kept until a write to their tables moves
// SettingsVersion on, whoever writes (here a second connection to the test's file plays another
// server process, or a fix made by hand), never kept from a transaction that was rolled back, and
// read once per page view.

const { prisma } = await import('~/utils/db.server.ts')
const { getServiceConfig, saveServiceConfig } = await import('~/models/service-settings.server.ts')
const { allChannels } = await import('~/models/channels.server.ts')
const { staffDirectory } = await import('~/models/staff.server.ts')
const { settingsVersion } = await import('~/models/settings-cache.server.ts')
const { inRequestScope } = await import('~/utils/request-scope.server.ts')

const FILE = process.env.DATABASE_URL!.replace(/^file:/, '')
const opened: Database.Database[] = []

function otherProcess() {
	const db = new Database(FILE)
	opened.push(db)
	return db
}

afterEach(() => {
	for (const db of opened.splice(0)) db.close()
})

const CACHED_TABLES = ['ServiceSettings', 'Channel', 'ExitReason', 'ServiceClosure', 'TargetSetting', 'StaffUser']

test('every table kept in memory moves the settings’ version on when it is inserted into, updated or deleted from', async () => {
	const triggers = await prisma.$queryRaw<{ tbl_name: string; sql: string }[]>`
		SELECT "tbl_name", "sql" FROM "sqlite_master" WHERE "type" = 'trigger' AND "name" LIKE '%settings_version%'`
	for (const table of CACHED_TABLES) {
		const own = triggers.filter((trigger) => trigger.tbl_name === table).map((trigger) => trigger.sql)
		for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
			expect(
				own.some((sql) => sql.includes(`AFTER ${event} ON "${table}"`)),
				`${event} on ${table}`
			).toBe(true)
		}
	}
	const before = await settingsVersion()
	await prisma.serviceClosure.create({ data: { date: '2031-12-29', label: 'Christmas' } })
	await prisma.serviceClosure.delete({ where: { date: '2031-12-29' } })
	expect(await settingsVersion()).toBe(before + 2)
})

test('a setting changed by another process is read again by the next request', async () => {
	const config = await getServiceConfig()
	const name = config.serviceName
	otherProcess()
		.prepare('INSERT OR REPLACE INTO "ServiceSettings" ("id", "data", "updatedAt") VALUES (1, ?, ?)')
		.run(JSON.stringify({ ...config, serviceName: 'Foster with Southdale' }), new Date().toISOString())
	expect((await getServiceConfig()).serviceName).toBe('Foster with Southdale')
	await saveServiceConfig({ ...(await getServiceConfig()), serviceName: name })
	expect((await getServiceConfig()).serviceName).toBe(name)
})

test('a setting is kept while the version stands still, so a page view does not read it again', async () => {
	const channels = await allChannels()
	const other = otherProcess()
	// A change that (unlike any real one) leaves the version where it was: the kept list is still used.
	other.exec(`
		DROP TRIGGER "Channel_settings_version_update";
		UPDATE "Channel" SET "label" = 'Renamed behind the cache' WHERE "key" = 'search';
		CREATE TRIGGER "Channel_settings_version_update" AFTER UPDATE ON "Channel"
		BEGIN UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;`)
	expect(await allChannels()).toEqual(channels)
	other.exec(`UPDATE "Channel" SET "label" = 'Search engine' WHERE "key" = 'search'`)
	expect((await allChannels()).find((channel) => channel.key === 'search')?.label).toBe('Search engine')
})

test('within one page view the version is read once; the next page view sees a change made meanwhile', async () => {
	const other = otherProcess()
	const seen = await inRequestScope('GET', async () => {
		const first = (await staffDirectory()).length
		other
			.prepare('INSERT INTO "StaffUser" ("id", "email", "name", "role", "createdAt") VALUES (?, ?, ?, ?, ?)')
			.run('cache-test', 'cache.test@northdale.example', 'Casey Cache', 'officer', new Date().toISOString())
		return { first, second: (await staffDirectory()).length }
	})
	expect(seen.second).toBe(seen.first)
	const next = await inRequestScope('GET', () => staffDirectory())
	expect(next.map((member) => member.name)).toContain('Casey Cache')
})

test('a setting changed inside a transaction that is rolled back is never kept', async () => {
	const name = (await getServiceConfig()).serviceName
	const refused = await prisma
		.$transaction(async (tx) => {
			await saveServiceConfig({ ...(await getServiceConfig()), serviceName: 'Never committed' }, tx)
			// The transaction reads its own change...
			expect((await getServiceConfig()).serviceName).toBe('Never committed')
			throw new Error('refused')
		})
		.catch((error: Error) => error.message)
	expect(refused).toBe('refused')
	// ...and nobody else ever does.
	expect((await getServiceConfig()).serviceName).toBe(name)
})
