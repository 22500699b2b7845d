/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  compiler: { styledComponents: true },
  // `next build` checks what it ships; `npm run typecheck` checks everything, tests included.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  // PGlite ships WebAssembly and the postgres driver opens sockets: both load from node_modules at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'pino'],
};

export default nextConfig;
