import { generateKeyPairSync, randomBytes } from "node:crypto";

// npm run webhook:dev-keys — a key pair (and Voxity secret) for local simulation: give the
// server the public half, the simulator the private half. Never HighLevel's real keys.
const { publicKey, privateKey } = generateKeyPairSync("ed25519");
const oneLine = (pem: string) => pem.trim().replace(/\n/g, "\\n");
console.log("# for the app (.env.local or the shell that starts it):");
console.log(
  `HIGHLEVEL_WEBHOOK_ED25519_PUBLIC_KEY="${oneLine(publicKey.export({ type: "spki", format: "pem" }).toString())}"`,
);
const voxity = randomBytes(32).toString("base64url");
console.log(`VOXITY_WEBHOOK_SECRET=${voxity}`);
console.log("\n# for npm run simulate:");
console.log(`THREADLINE_SIGNING_KEY="${oneLine(privateKey.export({ type: "pkcs8", format: "pem" }).toString())}"`);
console.log(`VOXITY_WEBHOOK_SECRET=${voxity}`);
