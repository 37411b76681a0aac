import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files relative to its own module; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "isomorphic-dompurify", "jsdom"],
  poweredByHeader: false,
};

export default nextConfig;
