// The public site's script (ADR 026): where it is built from, by app/cli/build-assets.ts, and the
// address its pages load it from, in one place so the build and the pages cannot disagree.
export const PUBLIC_SCRIPT = { entry: 'app/entry.public.ts', href: '/assets/public.js' } as const
