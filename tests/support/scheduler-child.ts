// One scheduler run in a process of its own, as a second server would make it: the
// integration tests start two at once against the same database file to show a reminder goes
// exactly once. Arguments: run|reminders <holder> <now ISO> <start at epoch ms>.
//   run        the whole run, lease first (app/integrations/scheduler.server.ts)
//   reminders  the reminders step alone, as a scheduler that took the lease over mid-run would
import { runScheduler } from '~/integrations/scheduler.server.ts'
import { schedulerDb, sendClockReminders } from '~/models/clock-reminders.server.ts'

const [mode, holder, nowIso, startAt] = process.argv.slice(2)

const now = new Date(nowIso!)
// Both processes start their work at the same instant, whatever their start-up took.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())))
const result =
	mode === 'run' ? await runScheduler({ now, holder: holder! }) : await sendClockReminders(schedulerDb, { now })
console.log(JSON.stringify(result))
