import { issueApiToken } from "@/lib/access/api-tokens/api-tokens";
import { setHighLevelToken } from "@/lib/access/credentials/highlevel-token";
import { getPrisma } from "@/lib/db";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { bulk } from "@/lib/testing/bulk-api";
import { applyLabel, createLabel } from "@/lib/testing/label-api";
import { customerMessage, REPLY_TOKEN, replyableConversation } from "@/lib/testing/reply-fixtures";
import { sendReply } from "@/lib/testing/replies-api";
import { saveView } from "@/lib/testing/saved-views-api";
import { addNote, assign } from "@/lib/testing/team-api";
import { postWebhook } from "@/lib/testing/webhooks";

// What the write-route fuzz acts in: account A, whose owner the fuzz mostly is (with a member,
// a read token and a send token of A beside), and account B, which nobody the fuzz acts as may
// change. B has one of everything (a conversation assigned and labelled, a note, a reply, a label,
// a shared view, a token), so an id of B's is there to be tried on every route.

export type IdKind =
  | "conversation"
  | "customer"
  | "reply"
  | "label"
  | "account"
  | "savedView"
  | "token"
  | "user"
  | "bulkAction";

export interface FuzzWorld {
  accountA: string;
  accountB: string;
  own: Record<IdKind, string[]>;
  foreign: Record<IdKind, string[]>;
  /** Who a case may act as (request headers). */
  actors: {
    ownerA: Record<string, string>;
    memberA: Record<string, string>;
    readTokenA: Record<string, string>;
    sendTokenA: Record<string, string>;
  };
  /** A's member and B's owner, for bodies that name a person. */
  memberAId: string;
  ownerBId: string;
}

const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id);

export async function buildFuzzWorld(): Promise<FuzzWorld> {
  const a = await replyableConversation();
  await postWebhook("highlevel", customerMessage({ locationId: "loc-b", conversationId: "conv-b" }));
  await postWebhook("highlevel", customerMessage({ conversationId: "conv-a2", messageId: "in-a2" }));
  const accountB = await accountIdOf("highlevel", "loc-b");
  await setHighLevelToken(accountB, REPLY_TOKEN);
  const ownerA = await createSignedInUser({ accounts: [{ accountId: a.accountId, role: "owner" }] });
  const ownerB = await createSignedInUser({ accounts: [{ accountId: accountB, role: "owner" }] });
  const prisma = await getPrisma();
  const conversationB = (await prisma.conversation.findFirstOrThrow({ where: { accountId: accountB } })).id;

  // B's things, made by B's owner through the routes.
  const labelB = (await createLabel(accountB, { name: "B only" }, ownerB.headers)).body.label.id;
  await applyLabel(conversationB, labelB, ownerB.headers);
  await assign(conversationB, ownerB.id, ownerB.headers);
  await addNote(conversationB, { text: "B's note", mentions: [] }, ownerB.headers);
  await sendReply(conversationB, ownerB.headers, { clientKey: "fuzz-b-reply", channel: "sms", text: "B" });
  await saveView({ name: "B shared", query: "view=mine", shared: true, accountId: accountB }, ownerB.headers);
  await issueApiToken(accountB, "B's token", "send");
  await bulk({ target: { ids: [conversationB] }, action: { kind: "read" } }, ownerB.headers);

  // A's: three labels (the fuzz deletes some), a reply, a view, a token it may revoke.
  for (const name of ["Billing", "VIP", "Later"]) await createLabel(a.accountId, { name }, ownerA.headers);
  await sendReply(a.conversationId, a.member.headers, { clientKey: "fuzz-a-reply", channel: "sms", text: "A" });
  await saveView({ name: "A mine", query: "view=mine", shared: false }, ownerA.headers);
  await issueApiToken(a.accountId, "A's spare", "read");
  await bulk({ target: { ids: [a.conversationId] }, action: { kind: "unread" } }, ownerA.headers);
  const readTokenA = await issueApiToken(a.accountId, "fuzz reader", "read");
  const sendTokenA = await issueApiToken(a.accountId, "fuzz sender", "send");

  const bulkOf = async (userId: string) =>
    ids(await prisma.bulkAction.findMany({ where: { userId }, select: { id: true } }));
  const of = async (accountId: string, extraUsers: string[]): Promise<Record<IdKind, string[]>> => ({
    conversation: ids(await prisma.conversation.findMany({ where: { accountId }, select: { id: true } })),
    customer: ids(await prisma.customer.findMany({ where: { accountId }, select: { id: true } })),
    reply: ids(await prisma.reply.findMany({ where: { accountId }, select: { id: true } })),
    label: ids(await prisma.label.findMany({ where: { accountId }, select: { id: true } })),
    account: [accountId],
    savedView: ids(await prisma.savedView.findMany({ where: { accountId }, select: { id: true } })),
    token: ids(await prisma.apiToken.findMany({ where: { accountId, name: { not: { startsWith: "fuzz" } } } })),
    user: extraUsers,
    bulkAction: await bulkOf(extraUsers.at(-1) ?? ""),
  });
  const own = await of(a.accountId, [a.member.id, ownerA.id]);
  own.savedView = ids(await prisma.savedView.findMany({ where: { userId: ownerA.id }, select: { id: true } }));
  return {
    accountA: a.accountId,
    accountB,
    own,
    foreign: await of(accountB, [ownerB.id]),
    actors: {
      ownerA: ownerA.headers,
      memberA: a.member.headers,
      readTokenA: { authorization: `Bearer ${readTokenA.token}` },
      sendTokenA: { authorization: `Bearer ${sendTokenA.token}` },
    },
    memberAId: a.member.id,
    ownerBId: ownerB.id,
  };
}

/** Every id of the world, for mutations that put one where another belongs. */
export const worldIds = (world: FuzzWorld): string[] => [
  ...Object.values(world.own).flat(),
  ...Object.values(world.foreign).flat(),
];
