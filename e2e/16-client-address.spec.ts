import http from "node:http";
import { expect, test } from "@playwright/test";

// Against the real `next start`: the sign-in limit keys on the socket address the server stamps
// (lib/access/authentication/socket-stamp.ts), not on X-Forwarded-For, which any client writes. The attempts
// come from 127.0.0.2 so the rest of the suite (from 127.0.0.1) keeps its own budget.

function signIn(baseURL: string, from: string, email: string, forwardedFor: string): Promise<number> {
  const url = new URL("/api/auth/sign-in/email", baseURL);
  const body = JSON.stringify({ email, password: "wrong password!" });
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        localAddress: from,
        headers: {
          "content-type": "application/json",
          origin: url.origin,
          "x-forwarded-for": forwardedFor,
          "content-length": Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

test("a new X-Forwarded-For per attempt does not escape the sign-in limit", async ({ baseURL }) => {
  const statuses: number[] = [];
  // The e2e servers allow 50 attempts a minute per address (playwright.config.ts).
  for (let i = 0; i < 60; i++)
    statuses.push(await signIn(baseURL!, "127.0.0.2", `nobody-${i}@threadline.test`, `10.${i}.0.1`));
  expect(statuses.slice(0, 50).every((status) => status === 401)).toBe(true);
  expect(statuses.slice(50).every((status) => status === 429)).toBe(true);
  // Another socket address is another client.
  expect(await signIn(baseURL!, "127.0.0.3", "someone@threadline.test", "10.0.0.1")).toBe(401);
});
