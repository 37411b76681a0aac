import { logger } from "@/lib/logger";
import { countUsers, createUserWithPassword, generatePassword } from "@/lib/access/people/users";

// Nobody can sign in to an installation without users, and nothing ships with a default
// password. So on the first start: THREADLINE_ADMIN_EMAIL/THREADLINE_ADMIN_PASSWORD if given
// (containers, the e2e suite); otherwise, on the embedded database, a demo owner with a fresh
// random password printed once to the console; on PostgreSQL, a pointer to `npm run user:create`.

export const DEMO_OWNER_EMAIL = "demo@threadline.local";

export async function ensureFirstOwner(): Promise<void> {
  if ((await countUsers()) > 0) return;
  const email = process.env.THREADLINE_ADMIN_EMAIL?.trim();
  const password = process.env.THREADLINE_ADMIN_PASSWORD;
  if (email && password) {
    await createUserWithPassword({ email, name: "Administrator", password, isAdmin: true });
    logger.info("created the first administrator from THREADLINE_ADMIN_EMAIL", { email });
    return;
  }
  if (process.env.DATABASE_URL) {
    logger.warn("no users yet: run `npm run user:create -- --email you@example.com` to make the first owner");
    return;
  }
  const generated = generatePassword();
  await createUserWithPassword({ email: DEMO_OWNER_EMAIL, name: "Demo Owner", password: generated, isAdmin: true });
  // Printed, not logged: this line is for the person at the terminal, once.
  console.log(
    [
      "",
      "  ┌─ Threadline demo owner (shown once) ─────────────────────",
      `  │  email:    ${DEMO_OWNER_EMAIL}`,
      `  │  password: ${generated}`,
      "  └──────────────────────────────────────────────────────────",
      "",
    ].join("\n"),
  );
}
