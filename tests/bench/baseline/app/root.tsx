// The baseline's root: the document Remix's templates start from, and nothing else.
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from '@remix-run/react'
import { useContext } from 'react'
import { NonceContext } from './nonce.ts'

export default function App() {
	const nonce = useContext(NonceContext)
	return (
		<html lang="en">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body>
				<Outlet />
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}
