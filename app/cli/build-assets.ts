// Builds the stylesheet and the public site's scripts, and copies govuk-frontend's images into
// public/assets, so every asset is served from our own origin. Run by `npm run build`.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import * as esbuild from 'esbuild'
import * as sass from 'sass'
import { PUBLIC_SCRIPT } from '../utils/public-scripts.ts'

const out = path.resolve('public/assets')
fs.mkdirSync(path.join(out, 'govuk'), { recursive: true })

const result = sass.compile('app/styles/main.scss', {
	loadPaths: ['node_modules'],
	style: 'compressed',
	quietDeps: true,
	silenceDeprecations: ['import', 'global-builtin', 'color-functions'],
})
fs.writeFileSync(path.join(out, 'app.css'), result.css)

fs.cpSync('node_modules/govuk-frontend/dist/govuk/assets/images', path.join(out, 'govuk', 'images'), {
	recursive: true,
})
console.log(`Built public/assets/app.css (${Math.round(result.css.length / 1024)} KiB)`)

// The public site's script (ADR 026): a self-contained classic script, since its pages load it with
// <script defer> and it reads its own element (document.currentScript), which a module cannot.
await esbuild.build({
	entryPoints: [PUBLIC_SCRIPT.entry],
	outfile: path.join('public', PUBLIC_SCRIPT.href),
	bundle: true,
	minify: true,
	format: 'iife',
	target: 'es2020',
	logLevel: 'warning',
})
const script = fs.readFileSync(path.join('public', PUBLIC_SCRIPT.href))
console.log(`Built public${PUBLIC_SCRIPT.href} (${(zlib.gzipSync(script).length / 1024).toFixed(1)} KiB gzipped)`)
