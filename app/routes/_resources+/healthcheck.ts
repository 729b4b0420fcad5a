import { prisma } from '~/utils/db.server.ts'

// For load balancers and the test runner: answers 200 once the database can be read.
export async function loader() {
	await prisma.$queryRawUnsafe('SELECT 1')
	return new Response('OK', { headers: { 'Cache-Control': 'no-store' } })
}
