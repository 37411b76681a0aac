import { Prisma } from "@/lib/generated/prisma/client";

// An agent is a message's author (the provider's user id); the teammates table gives the name
// when ingestion has seen the user, else the name the message carried. Rollup rows (alias `r`)
// carry agent_id ('' for none) and agent_name; the teammate joins as `t`.

/** Joins teammate `t` for rollup row `r`; use with agentName. */
export const joinTeammate = (r: Prisma.Sql) =>
  Prisma.sql`LEFT JOIN teammates t ON t.account_id = ${r}.account_id AND t.external_id = ${r}.agent_id`;

export const agentName = (r: Prisma.Sql) =>
  Prisma.sql`COALESCE(NULLIF(trim(concat_ws(' ', t.first_name, t.last_name)), ''), ${r}.agent_name, NULLIF(${r}.agent_id, ''))`;

/** The name shown for replies and calls no person is recorded for (automations, imports). */
export const UNATTRIBUTED = "Unattributed";
