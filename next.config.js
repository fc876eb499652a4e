/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    // Next.js' proxy (proxy.ts) keeps a copy of a request's body, 10 MB by default, before a page
    // answers. server/edge.ts lets only GET and HEAD through to pages, which have none; this bounds
    // the copy should the app ever be served without that guard.
    proxyClientMaxBodySize: "64kb",
  },
  // `npm test` type-checks the whole tree (tsc --noEmit) before building: a second check here only
  // slows every build, the first start included.
  typescript: { ignoreBuildErrors: true },
  // Native and WebAssembly-backed packages stay out of the bundle and load from node_modules.
  serverExternalPackages: [
    "@node-rs/argon2",
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "@prisma/client",
  ],
};

export default nextConfig;
