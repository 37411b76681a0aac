import { createHash, randomBytes } from "node:crypto";

// Bearer secrets we hand out (API tokens, invitation links): 256 random bits, and only their
// SHA-256 kept. A slow hash would protect nothing here: there is no guessable input to brute-force.

export const newSecretToken = () => randomBytes(32).toString("base64url");

export const hashSecretToken = (token: string) => createHash("sha256").update(token).digest("hex");
