import { beforeEach, describe, expect, it } from "vitest";
import { POST as accept } from "@/app/api/invitations/accept/route";
import { createSignedInUser, signIn } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { acceptWith, inviteAs, twoAccounts } from "@/lib/testing/invitations";
import { listConversations } from "@/lib/testing/read-api";

beforeEach(resetDatabase);

describe("invitations", () => {
  it("a body that is not JSON is 400 'not valid JSON' with a code, not a missing-field error", async () => {
    const response = await accept(
      new Request("http://localhost/api/invitations/accept", {
        method: "POST",
        headers: { origin: "http://localhost" },
        body: "{token: oops",
      }),
      undefined as never,
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; code: string };
    expect(body).toMatchObject({ code: "bad_request", error: expect.stringMatching(/not valid JSON/) });
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("an owner invites an address; it joins with its own password and sees only that account", async () => {
    const { a } = await twoAccounts();
    const owner = await createSignedInUser({ accounts: [{ accountId: a, role: "owner" }] });
    const created = await inviteAs(a, owner.cookie, { email: "New.Person@threadline.test" });
    expect(created.status).toBe(201);
    const { link } = created.body as { link: string };
    const token = link.split("/invite/")[1]!;
    const joined = await acceptWith({ token, name: "New Person", password: "a long enough password" });
    expect(joined.status).toBe(200);
    const session = await signIn("new.person@threadline.test", "a long enough password");
    expect(session.status).toBe(200);
    const list = await listConversations("", { cookie: session.cookie });
    expect(list.body.conversations.map((c) => c.externalId)).toEqual(["conv-a"]);
    // Used once.
    expect((await acceptWith({ token, name: "Again", password: "a long enough password" })).status).toBe(404);
  });

  it("a member cannot invite, and nobody can invite to an account outside their own (404)", async () => {
    const { a, b } = await twoAccounts();
    const member = await createSignedInUser({ accounts: [{ accountId: a, role: "member" }] });
    expect((await inviteAs(a, member.cookie, { email: "x@threadline.test" })).status).toBe(403);
    const owner = await createSignedInUser({ accounts: [{ accountId: a, role: "owner" }] });
    expect((await inviteAs(b, owner.cookie, { email: "x@threadline.test" })).status).toBe(404);
  });

  it("bad input is a 400 with the reason; an unknown token 404", async () => {
    const { a } = await twoAccounts();
    const owner = await createSignedInUser({ accounts: [{ accountId: a, role: "owner" }] });
    const bad = await inviteAs(a, owner.cookie, { email: "not an email" });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: string }).error).toMatch(/email/);
    const short = await acceptWith({ token: "x".repeat(43), name: "N", password: "short" });
    expect(short.status).toBe(400);
    expect((await acceptWith({ token: "y".repeat(43), name: "N", password: "a long enough password" })).status).toBe(
      404,
    );
  });

  it("an address that already signs in joins only while signed in as itself", async () => {
    const { a, b } = await twoAccounts();
    const owner = await createSignedInUser({ accounts: [{ accountId: a, role: "owner" }] });
    const existing = await createSignedInUser({ accounts: [{ accountId: b }] });
    const created = (await inviteAs(a, owner.cookie, { email: existing.email })).body as { link: string };
    const token = created.link.split("/invite/")[1]!;
    const body = { token, name: "Ignored", password: "whatever long enough" };
    const anonymous = await acceptWith(body);
    expect(anonymous.status).toBe(409);
    expect((await listConversations("", existing.headers)).body.conversations.map((c) => c.externalId)).toEqual([
      "conv-b",
    ]);
    expect((await acceptWith(body, { cookie: existing.cookie })).status).toBe(200);
    const both = await listConversations("", existing.headers);
    expect(both.body.conversations.map((c) => c.externalId).sort()).toEqual(["conv-a", "conv-b"]);
  });
});
