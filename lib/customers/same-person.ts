import { accountDisplayName } from "@/lib/access/people/account-names";
import { accountCondition, type AccountScope, accountWhere } from "@/lib/access/scope";
import type { Viewer } from "@/lib/access/viewer";
import { getPrisma } from "@/lib/db";
import { isoOrNull } from "@/lib/db/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/http/errors";
import { fullName } from "@/lib/normalize/contact";
import { mayDecideSamePerson } from "./same-person-links";

// The same person reaching us twice (issue #26, 8): another customer row, in an account the
// viewer can see, with the same phone (E.164) or email (normalized), from either provider or
// another number of the same one. Shown beside the conversation as "Also in: …" with a
// suggestion an owner accepts (linked: one customer, both conversations) or dismisses (never
// suggested again). Rows are never merged. Both lookups use the customers' phone and email indexes.

export type SamePersonStatus = "suggested" | "linked";

export interface SamePerson {
  customerId: string;
  name: string | null;
  provider: string;
  account: { id: string; name: string };
  /** What they share: the phone (E.164) or the email; null for a link whose details since changed. */
  shared: { kind: "phone" | "email"; value: string } | null;
  /** Their newest conversation, to open; null if they have none yet. */
  conversation: { id: string; lastMessageAt: string | null } | null;
  status: SamePersonStatus;
}

interface Row {
  id: string;
  name: string | null;
  first_name: string | null;
  last_name: string | null;
  phone_e164: string | null;
  email_normalized: string | null;
  account_id: string;
  provider: string;
  external_id: string;
  account_name: string | null;
  display_name: string | null;
  decision: string | null;
  conversation_id: string | null;
  last_message_at: Date | null;
}

/** At most this many: a shared office number could match hundreds of customers. */
const LIMIT = 10;

/** The panel's answer: a customer outside the viewer's accounts is not found (404), never told apart. */
export async function samePersonPanel(
  viewer: Viewer,
  customerId: string,
): Promise<{ matches: SamePerson[]; canDecide: boolean }> {
  const prisma = await getPrisma();
  // From the viewer's accounts first, as every query here starts.
  const customer = await prisma.customer.findFirst({
    where: { id: customerId, ...accountWhere(viewer.scope) },
    select: { accountId: true, phoneE164: true, emailNormalized: true },
  });
  if (!customer) throw new NotFoundError("customer");
  const [matches, canDecide] = await Promise.all([
    samePersonAs(customerId, customer, viewer.scope),
    mayDecideSamePerson(viewer, customer.accountId),
  ]);
  return { matches, canDecide };
}

async function samePersonAs(
  customerId: string,
  { phoneE164: phone, emailNormalized: email }: { phoneE164: string | null; emailNormalized: string | null },
  scope: AccountScope,
): Promise<SamePerson[]> {
  const prisma = await getPrisma();
  const linked = await prisma.customerLink.findMany({
    where: { decision: "linked", OR: [{ customerId }, { otherCustomerId: customerId }] },
    select: { customerId: true, otherCustomerId: true },
  });
  const linkedIds = linked.map((link) => (link.customerId === customerId ? link.otherCustomerId : link.customerId));
  const shares = [
    phone ? Prisma.sql`o.phone_e164 = ${phone}` : null,
    email ? Prisma.sql`o.email_normalized = ${email}` : null,
    linkedIds.length > 0 ? Prisma.sql`o.id = ANY(${linkedIds}::text[])` : null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
  if (shares.length === 0) return [];
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT o.id, o.name, o.first_name, o.last_name, o.phone_e164, o.email_normalized, o.account_id,
           a.provider, a.external_id, a.name AS account_name, a.display_name, l.decision,
           conv.id AS conversation_id, conv.last_message_at
    FROM customers o
    JOIN accounts a ON a.id = o.account_id
    LEFT JOIN customer_links l
      ON l.customer_id = LEAST(o.id, ${customerId}) AND l.other_customer_id = GREATEST(o.id, ${customerId})
    LEFT JOIN LATERAL (
      SELECT c.id, c.last_message_at FROM conversations c WHERE c.customer_id = o.id
      ORDER BY c.last_message_at DESC NULLS LAST, c.id LIMIT 1
    ) conv ON TRUE
    WHERE (${Prisma.join(shares, " OR ")})
      AND o.id <> ${customerId} AND o.deleted_at IS NULL
      AND ${accountCondition(scope, Prisma.sql`o.account_id`)}
      AND l.decision IS DISTINCT FROM 'dismissed'
    ORDER BY (l.decision = 'linked') DESC NULLS LAST, conv.last_message_at DESC NULLS LAST, o.id
    LIMIT ${LIMIT}`;
  return rows.map((row) => ({
    customerId: row.id,
    name: row.name ?? fullName(row.first_name, row.last_name),
    provider: row.provider,
    account: {
      id: row.account_id,
      name: accountDisplayName({
        provider: row.provider,
        externalId: row.external_id,
        name: row.account_name,
        displayName: row.display_name,
      }),
    },
    shared:
      phone && row.phone_e164 === phone
        ? { kind: "phone", value: phone }
        : email && row.email_normalized === email
          ? { kind: "email", value: email }
          : null,
    conversation: row.conversation_id
      ? { id: row.conversation_id, lastMessageAt: isoOrNull(row.last_message_at) }
      : null,
    status: row.decision === "linked" ? "linked" : "suggested",
  }));
}
