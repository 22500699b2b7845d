/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  compiler: { styledComponents: true },
  // PGlite ships WebAssembly and the postgres driver opens sockets: both load from node_modules at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'pino'],
};

export default nextConfig;
