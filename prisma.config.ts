import { defineConfig } from "prisma/config";

// Only the Prisma CLI reads this (generate; migrate deploy on machines with network access).
// The app connects through driver adapters in lib/db/connect.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/threadline" },
});
