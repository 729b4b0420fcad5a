import { describe, expect, test } from 'vitest'
import { emailLayout, escapeHtml, html, link, paragraph, SafeHtml, textLayout } from './layout.ts'

describe('html', () => {
	test('escapes every interpolated value so typed text can never become markup', () => {
		const name = '<script>alert(1)</script> & "Bob" O\'Neil'
		expect(html`<p>${name}</p>`.value).toBe(
			'<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Bob&quot; O&#39;Neil</p>'
		)
	})

	test('keeps accented and non-Latin names as they were typed', () => {
		expect(html`<p>${'Siobhán Ó Dálaigh'} ${'李小龍'}</p>`.value).toBe('<p>Siobhán Ó Dálaigh 李小龍</p>')
	})

	test('does not escape twice what is already safe, and joins lists', () => {
		const inner = paragraph('Tom & Jerry')
		expect(html`<div>${inner}${[html`<b>${'a<b'}</b>`, 'c>d']}</div>`.value).toBe(
			'<div><p style="margin:0 0 16px;font-family:Arial, Helvetica, sans-serif;font-size:19px;line-height:1.5;color:#0b0c0c;">Tom &amp; Jerry</p><b>a&lt;b</b>c&gt;d</div>'
		)
		expect(escapeHtml(new SafeHtml('<b>'))).toBe('&lt;b&gt;')
	})

	test('links only to web, mail and phone addresses', () => {
		expect(link('Read more', 'javascript:alert(1)').value).toContain('href="#"')
		expect(link('Read more', 'https://example.org/a?b=1&c=2').value).toContain(
			'href="https://example.org/a?b=1&amp;c=2"'
		)
		expect(link('Call', 'tel:03001234567').value).toContain('href="tel:03001234567"')
	})
})

describe('emailLayout', () => {
	test('is an English document with a title, readable without images and in Arial', () => {
		const page = emailLayout({ title: 'Hello <there>', serviceName: 'Foster & Care', body: paragraph('Hi') })
		expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en"/)
		expect(page).toContain('<meta charset="utf-8">')
		expect(page).toContain('<title>Hello &lt;there&gt;</title>')
		expect(page).toContain('Foster &amp; Care')
		expect(page).not.toMatch(/<img/i)
		expect(page).toContain('font-family:Arial')
	})
})

describe('textLayout', () => {
	test('separates blocks with blank lines and leaves empty ones out', () => {
		expect(textLayout(['One ', false, '\nTwo', undefined])).toBe('One\n\nTwo\n')
	})
})
