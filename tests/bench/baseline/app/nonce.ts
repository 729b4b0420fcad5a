// The response's CSP nonce, from the server's entry to the root's scripts: the Express setup the
// baseline shares with the service allows only scripts that carry it.
import { createContext } from 'react'

export const NonceContext = createContext<string | undefined>(undefined)
