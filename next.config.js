/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
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
