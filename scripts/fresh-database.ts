import { recreateDatabase } from "@/lib/db/maintenance";

// `tsx scripts/fresh-database.ts postgresql://…/name`: drops the named database (closing its
// connections) and creates it empty, so a browser run starts from nothing (scripts/test.sh).
const target = process.argv[2];
if (!target) {
  console.error("usage: tsx scripts/fresh-database.ts postgresql://user@host:port/database");
  process.exit(2);
}
const url = new URL(target);
const name = decodeURIComponent(url.pathname.slice(1));
if (!/^[A-Za-z0-9_]+$/.test(name)) {
  console.error(`fresh-database: refusing the database name ${JSON.stringify(name)} (letters, digits and _ only)`);
  process.exit(2);
}
await recreateDatabase(target, name);
