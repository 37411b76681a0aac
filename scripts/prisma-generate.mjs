// `prisma generate` needs no schema engine, but the CLI insists on finding one and would try
// to download it (no network here): point it at any existing file.
import { execFileSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
execFileSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
