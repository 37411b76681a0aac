import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...all]/route";
import { SOCKET_ADDRESS_HEADER, sealedSocketAddress } from "@/lib/access/authentication/client-address";
import { getPrisma } from "@/lib/db";
import { mailSenderIdle } from "@/lib/mail/sender";
import { createSignedInUser, signIn, TEST_PASSWORD } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { withTestSmtpServer } from "@/lib/testing/mail";

// Issue #25, finding 8: password-reset and confirmation mails to one address are capped (3 in 15
// minutes, 10 a day) whoever asks and from wherever, and the answer never shows the cap: asking
// from many client addresses (each under its own limit) no longer floods one mailbox.

const server = withTestSmtpServer();
beforeEach(resetDatabase);

let clientAddress = 0;
const requestReset = (email: string) =>
  POST(
    new Request("http://localhost/api/auth/request-password-reset", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost",
        [SOCKET_ADDRESS_HEADER]: sealedSocketAddress(
          `10.61.${Math.floor(++clientAddress / 250)}.${clientAddress % 250}`,
        ),
      },
      body: JSON.stringify({ email, redirectTo: "/reset-password" }),
    }),
  );

async function answers(email: string, times: number) {
  const seen: string[] = [];
  for (let i = 0; i < times; i++) {
    const response = await requestReset(email);
    seen.push(JSON.stringify({ status: response.status, body: await response.text() }));
  }
  return seen;
}

const mailsTo = async (email: string) => (await getPrisma()).mailOutbox.count({ where: { recipient: email } });

describe("mails to one address", () => {
  it("at most 3 reset mails in 15 minutes, from any number of clients, with the same answer every time", async () => {
    const user = await createSignedInUser();
    const seen = await answers(user.email, 6);
    expect(new Set(seen).size).toBe(1);
    expect(JSON.parse(seen[0]!).status).toBe(200);
    await mailSenderIdle();
    expect(await mailsTo(user.email)).toBe(3);
    expect(server().delivered.filter((m) => m.to === user.email)).toHaveLength(3);
  });

  it("at most 10 a day", async () => {
    const user = await createSignedInUser();
    const prisma = await getPrisma();
    // Nine earlier today, each over 15 minutes ago: one more may go, then no more.
    for (let i = 1; i <= 9; i++) {
      await prisma.mailOutbox.create({
        data: {
          kind: "password_reset",
          recipient: user.email,
          subject: "earlier",
          status: "sent",
          createdAt: new Date(Date.now() - i * 60 * 60 * 1000),
        },
      });
    }
    const seen = await answers(user.email, 3);
    expect(new Set(seen).size).toBe(1);
    await mailSenderIdle();
    expect(await mailsTo(user.email)).toBe(10);
  });

  it("confirmation mails share the cap: an unconfirmed sign-in trying again and again gets 3", async () => {
    const user = await createSignedInUser();
    await (await getPrisma()).user.update({ where: { id: user.id }, data: { emailVerified: false } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(user.email, TEST_PASSWORD)).status);
    expect(statuses).toEqual([403, 403, 403, 403, 403]);
    await mailSenderIdle();
    expect(await mailsTo(user.email)).toBe(3);
  });
});
