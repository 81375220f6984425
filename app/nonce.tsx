import { createContext, useContext } from 'react'

// The per-request CSP nonce, handed from the server's entry to <Scripts> and friends. In the
// browser it is empty: scripts are already running by then.
const NonceContext = createContext('')
export const NonceProvider = NonceContext.Provider
export function useNonce(): string {
  return useContext(NonceContext)
}
