import { ensurePragmas } from '~/utils/db.server.ts'

/**
 * Starts the work each server process does in the background (the email outbox worker) and
 * returns a function that stops it. Called once per process by app/server.ts.
 */
export async function startBackgroundJobs(): Promise<() => Promise<void>> {
	await ensurePragmas()
	return async () => {}
}
