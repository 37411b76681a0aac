import { getPrisma } from "@/lib/db";
import { accountIdOf, createSignedInUser } from "./auth";
import { highLevelMessage, TEST_LOCATION } from "./highlevel-payloads";
import { conversationByExternalId } from "./read-api";
import { postWebhook } from "./webhooks";

/** Ana and Ben, members of the test location's account, and one conversation of it ("conv-a"). */
export async function anaAndBenOnOneConversation() {
  await postWebhook("highlevel", highLevelMessage({ conversationId: "conv-a" }));
  const accountId = await accountIdOf("highlevel", TEST_LOCATION);
  const ana = await createSignedInUser({ accounts: [{ accountId }] });
  const ben = await createSignedInUser({ accounts: [{ accountId }] });
  const prisma = await getPrisma();
  await prisma.user.update({ where: { id: ana.id }, data: { name: "Ana" } });
  await prisma.user.update({ where: { id: ben.id }, data: { name: "Ben" } });
  return { accountId, ana, ben, conversationId: (await conversationByExternalId("conv-a")).id };
}
