// Starts the production build for the end-to-end tests on a fresh database and mailbox.
import fs from 'node:fs'
import path from 'node:path'
import { createMigratedDatabase, TMP_DIR } from './database.ts'
import { startFakePlausible } from './fake-plausible.ts'
import { FAKE_STRIPE_SECRET_KEY, FAKE_STRIPE_WEBHOOK_SECRET, startFakeStripe } from './fake-stripe.ts'

export const E2E_DB = path.join(TMP_DIR, 'e2e.db')
export const E2E_MAILBOX = path.join(TMP_DIR, 'e2e-mailbox')

createMigratedDatabase(E2E_DB)
fs.rmSync(E2E_MAILBOX, { recursive: true, force: true })
process.env.DATABASE_URL = `file:${E2E_DB}`
process.env.MAILBOX_DIR = E2E_MAILBOX
process.env.NODE_ENV = 'production'
process.env.OUTBOX_POLL_MS = '200'
// Every browser in the run is one client (127.0.0.1), and the journeys send far more than a
// visitor's 10 enquiries; the limit itself is tested in enquiry.test.ts and server-configuration.spec.ts.
process.env.ENQUIRY_RATE_LIMIT = '1000'
// The address the browser uses (tests/playwright.config.ts): forms are accepted only from it.
process.env.PUBLIC_URL = `http://127.0.0.1:${process.env.PORT ?? 3210}`

// Analytics are on in the e2e run, as in a real deployment, and go to a local stand-in for
// Plausible whose GET /received shows tests what arrived (tests/e2e/analytics.spec.ts).
const plausible = await startFakePlausible(Number(process.env.E2E_PLAUSIBLE_PORT ?? 0))
process.env.PLAUSIBLE_DOMAIN ||= 'e2e.fostering.test'
process.env.PLAUSIBLE_HOST = plausible.url

// Bonuses are paid through Stripe in the e2e run, to a local stand-in (tests/support/fake-stripe.ts)
// whose GET /_fake/state shows tests what it holds and POST /_fake/mode switches failures on.
const stripe = await startFakeStripe(Number(process.env.E2E_STRIPE_PORT ?? 0))
process.env.STRIPE_SECRET_KEY = FAKE_STRIPE_SECRET_KEY
process.env.STRIPE_WEBHOOK_SECRET = FAKE_STRIPE_WEBHOOK_SECRET
process.env.STRIPE_API_URL = stripe.url
process.env.STRIPE_POLL_MS = '200'

await import(path.resolve('build/server.js'))
