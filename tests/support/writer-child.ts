// Write transactions one after another in a process of their own, as a busy second server makes
// them: the integration tests start two at once against the same database file to show the two
// take turns at SQLite's write lock. Arguments: <label> <transactions> <ms each holds the lock>
// <start at epoch ms>. Each transaction adds the referral code <label>-<n>.
import { setTimeout as sleep } from 'node:timers/promises'
import { prisma } from '~/utils/db.server.ts'

const [label, count, holdMs, startAt] = process.argv.slice(2)

// Connected before the start, so both processes begin writing at the same instant.
await prisma.referralCode.count()
await sleep(Math.max(0, Number(startAt) - Date.now()))
for (let n = 0; n < Number(count); n++) {
	await prisma.$transaction(async (tx) => {
		await tx.referralCode.create({ data: { code: `${label}-${n}` } })
		await sleep(Number(holdMs))
	})
}
await prisma.$disconnect()
