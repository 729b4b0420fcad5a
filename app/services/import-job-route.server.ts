// What both import job pages (households, carers; ADR 024) do the same way on the server: find the
// job of their kind or answer 404, show it with the page of errors the address asks for, and start
// a checked job once.
import { importJobView, type ImportKind } from '~/domain/import-jobs.ts'
import { wakeImports } from '~/integrations/import-worker.server.ts'
import { findImportJob, startImport } from '~/models/import-jobs.server.ts'
import { now } from '~/utils/clock.server.ts'

/** The job as its page shows it, or a 404 when there is no job of this kind with that id. */
export async function loadImportJob(request: Request, id: string | undefined, kind: ImportKind) {
	const found = await findImportJob(id ?? '', kind)
	if (!found) throw new Response('Import not found', { status: 404 })
	return importJobView(found, { page: Number(new URL(request.url).searchParams.get('page')), now: now() })
}

/** Starts the import: a second click, or a job with errors, changes nothing. */
export async function startImportJob(id: string | undefined, kind: ImportKind) {
	if (await startImport(id ?? '', kind)) wakeImports()
}
