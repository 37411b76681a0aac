import { SOCKET_ADDRESS_HEADER, sealedSocketAddress } from "@/lib/access/authentication/client-address";
import { beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...all]/route";
import { getPrisma } from "@/lib/db";
import { mailSenderIdle } from "@/lib/mail/sender";
import { createSignedInUser, signIn, TEST_PASSWORD } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { listConversations } from "@/lib/testing/read-api";
import { withTestSmtpServer } from "@/lib/testing/mail";
import { linkIn } from "@/lib/testing/smtp-server";

// Password reset by mail (Better Auth's flow, our outbox, a real SMTP server): the same answer
// whether or not the address exists, a link that works once, the old password and every old
// session gone after, and a limit on how often one address may ask.

const server = withTestSmtpServer();
beforeEach(resetDatabase);

const NEW_PASSWORD = "a brand new password";
let clientAddress = 0;
const post = (path: string, body: unknown, address = `10.77.0.${++clientAddress}`) =>
  POST(
    new Request(`http://localhost/api/auth${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost",
        [SOCKET_ADDRESS_HEADER]: sealedSocketAddress(address),
      },
      body: JSON.stringify(body),
    }),
  );
const requestReset = (email: string, address?: string) =>
  post("/request-password-reset", { email, redirectTo: "/reset-password" }, address);

/** Follows the mailed link as a browser would: Better Auth checks the token and sends it on to our page. */
async function tokenFromMail(to: string): Promise<string> {
  await mailSenderIdle();
  const mail = await server().waitFor(to);
  const followed = await GET(new Request(linkIn(mail)));
  expect(followed.status).toBe(302);
  const page = new URL(followed.headers.get("location")!, "http://localhost");
  expect(page.pathname).toBe("/reset-password");
  return page.searchParams.get("token")!;
}

describe("password reset by mail", () => {
  it("answers the same for a known and an unknown address, and mails only the known one", async () => {
    const user = await createSignedInUser();
    const known = await requestReset(user.email);
    const unknown = await requestReset("nobody@corp.test");
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(await known.json()).toEqual(await unknown.json());
    await mailSenderIdle();
    expect(server().delivered.map((m) => m.to)).toEqual([user.email]);
    expect(server().delivered[0]!.subject).toMatch(/Reset your Threadline password/);
  });

  it("the mailed link sets a new password once; the old one and the old sessions stop working", async () => {
    const user = await createSignedInUser();
    await requestReset(user.email);
    const token = await tokenFromMail(user.email);
    const reset = await post("/reset-password", { token, newPassword: NEW_PASSWORD });
    expect(reset.status).toBe(200);
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(401);
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);
    expect((await listConversations("", user.headers)).status).toBe(401);
    expect((await post("/reset-password", { token, newPassword: "yet another password" })).status).toBe(400);
  });

  it("a reset proves the address: an unconfirmed sign-in becomes confirmed and whoever squatted it is signed out", async () => {
    const squatted = await createSignedInUser();
    await (await getPrisma()).user.update({ where: { id: squatted.id }, data: { emailVerified: false } });
    await requestReset(squatted.email);
    const token = await tokenFromMail(squatted.email);
    expect((await post("/reset-password", { token, newPassword: NEW_PASSWORD })).status).toBe(200);
    expect(await (await getPrisma()).user.findUniqueOrThrow({ where: { id: squatted.id } })).toMatchObject({
      emailVerified: true,
    });
    expect((await listConversations("", squatted.headers)).status).toBe(401);
    expect((await signIn(squatted.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("limits requests per client address (each can send a mail)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await requestReset(`someone${i}@corp.test`, "10.88.0.1")).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("a new password shorter than 10 characters is refused and the link still works", async () => {
    const user = await createSignedInUser();
    await requestReset(user.email);
    const token = await tokenFromMail(user.email);
    expect((await post("/reset-password", { token, newPassword: "short" })).status).toBe(400);
    expect((await post("/reset-password", { token, newPassword: NEW_PASSWORD })).status).toBe(200);
  });
});
