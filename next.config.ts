import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files relative to its own module; bundling breaks that.
  // mpg123-decoder (waveforms of MP3 recordings) carries a web-worker shim whose dynamic import
  // Turbopack cannot resolve; Node loads it as it is.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "isomorphic-dompurify",
    "jsdom",
    "mpg123-decoder",
  ],
  poweredByHeader: false,
  // `npm test` type-checks the whole tree (tsc) in a phase of its own before it builds; checking
  // again inside `next build` would only spend the same minute twice.
  typescript: { ignoreBuildErrors: process.env.THREADLINE_BUILD_SKIP_TYPECHECK === "1" },
  // `next dev` otherwise blocks its own dev scripts for http://127.0.0.1 (only localhost is trusted).
  allowedDevOrigins: ["127.0.0.1"],
  async headers() {
    return [
      { source: "/:path*", headers: [...SECURITY_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
