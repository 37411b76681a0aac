import type { AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { agentName, joinTeammate, UNATTRIBUTED } from "./agents-sql";
import { firstResponseReport } from "./first-response";
import { inRange } from "./sql";
import type { ReportContext } from "./types";
import type { ReportQuery } from "./validations";

// Per agent (a message's author): messages sent (outbound, calls excepted), calls made
// (outbound), calls answered (answered calls they took or made), and the median of the first
// responses they gave (first-response.ts). Messages without an author are "Unattributed".

export interface AgentRow {
  agentId: string | null;
  name: string;
  messagesSent: number;
  callsMade: number;
  callsAnswered: number;
  firstResponses: number;
  medianFirstResponse: number | null;
}

export interface AgentsReport {
  agents: AgentRow[];
}

export async function agentsReport(db: Db, scope: AccountScope, query: ReportQuery): Promise<AgentsReport> {
  const context: ReportContext = { scope, query };
  const [rows, firstResponse] = await Promise.all([
    db.$queryRaw<Array<Omit<AgentRow, "firstResponses" | "medianFirstResponse">>>`
      SELECT NULLIF(b.agent_id, '') AS "agentId",
        max(${agentName(Prisma.sql`b`)}) AS name,
        sum(b.messages_sent)::int AS "messagesSent", sum(b.calls_made)::int AS "callsMade",
        sum(b.calls_answered)::int AS "callsAnswered"
      FROM report_agent_buckets b
      ${joinTeammate(Prisma.sql`b`)}
      WHERE ${inRange(context, Prisma.sql`b`, Prisma.sql`bucket`)}
      GROUP BY 1 HAVING sum(b.messages_sent) + sum(b.calls_made) + sum(b.calls_answered) > 0`,
    firstResponseReport(db, scope, query),
  ]);
  const responses = new Map(firstResponse.byAgent.map((a) => [a.agentId, a]));
  const agents = rows.map((row) => {
    const response = responses.get(row.agentId);
    responses.delete(row.agentId);
    return {
      ...row,
      name: row.agentId ? (row.name ?? row.agentId) : UNATTRIBUTED,
      firstResponses: response?.answered ?? 0,
      medianFirstResponse: response?.median ?? null,
    };
  });
  // Someone whose only answer in the range was to a wait that started in it is still listed.
  for (const response of responses.values()) {
    agents.push({
      agentId: response.agentId,
      name: response.name,
      messagesSent: 0,
      callsMade: 0,
      callsAnswered: 0,
      firstResponses: response.answered,
      medianFirstResponse: response.median,
    });
  }
  return { agents: agents.sort((x, y) => y.messagesSent + y.callsMade - (x.messagesSent + x.callsMade)) };
}
