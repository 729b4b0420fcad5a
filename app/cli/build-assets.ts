// Builds the stylesheet and copies govuk-frontend's images into public/assets, so every asset is
// served from our own origin. Run by `npm run build`.
import fs from 'node:fs'
import path from 'node:path'
import * as sass from 'sass'

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
