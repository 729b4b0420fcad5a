import { describe, expect, test } from 'vitest'
import { parseEnv, parseTrustProxy } from './env.server.ts'

// The settings a server refuses to start without, and TRUST_PROXY read as Express documents it.

describe('PUBLIC_URL', () => {
	test('is required in production, with a message that says what to set', () => {
		expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL.*https:\/\/fostering\.example\.gov\.uk/s)
		expect(parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'https://fostering.example.gov.uk' }).PUBLIC_URL).toBe(
			'https://fostering.example.gov.uk'
		)
	})

	test('may be left out elsewhere', () => {
		expect(parseEnv({ NODE_ENV: 'development' }).PUBLIC_URL).toBeUndefined()
	})

	test('must be an origin: no path, query or other scheme', () => {
		for (const url of ['https://example.gov.uk/fostering', 'https://example.gov.uk/?a=1', 'ftp://example.gov.uk']) {
			expect(() => parseEnv({ PUBLIC_URL: url }), url).toThrow(/PUBLIC_URL/)
		}
		expect(parseEnv({ PUBLIC_URL: 'https://example.gov.uk/' }).PUBLIC_URL).toBe('https://example.gov.uk/')
	})
})

describe('TRUST_PROXY', () => {
	test('a number is a count of proxies, as Express reads a number (the string "1" would be an address)', () => {
		expect(parseTrustProxy('1')).toBe(1)
		expect(parseTrustProxy(' 2 ')).toBe(2)
		expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1)
	})

	test('empty trusts nobody', () => {
		expect(parseTrustProxy('')).toBe(false)
		expect(parseEnv({}).TRUST_PROXY).toBe(false)
	})

	test('named ranges, addresses and subnets are passed on as a list', () => {
		expect(parseTrustProxy('loopback')).toEqual(['loopback'])
		expect(parseTrustProxy('loopback, 10.0.0.0/8, fd00::/8, 203.0.113.7')).toEqual([
			'loopback',
			'10.0.0.0/8',
			'fd00::/8',
			'203.0.113.7',
		])
	})

	test('anything else stops the server with a message', () => {
		for (const value of ['true', 'yes', '10.0.0.0/33', '10.0.0', 'proxy.internal', '1.5']) {
			expect(parseTrustProxy(value), value).toBeNull()
			expect(() => parseEnv({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY must be/)
		}
	})
})
