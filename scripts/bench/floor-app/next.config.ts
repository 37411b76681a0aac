import type { NextConfig } from "next";

// A minimal app of its own (npx next build scripts/bench/floor-app), not part of the product:
// nothing but the one route handler, so it measures what Next.js itself costs per request.
const nextConfig: NextConfig = {
  serverExternalPackages: ["pg"],
  poweredByHeader: false,
};

export default nextConfig;
