// Stand-in for the `server-only` package under Vitest. The real package throws
// when imported outside React Server Components; tests import lib/server code
// directly from Node, which is allowed.
export {};
