import http from "node:http";
import type { AddressInfo } from "node:net";
import { POST as highLevelPost } from "@/app/api/webhooks/highlevel/route";
import { POST as voxityPost } from "@/app/api/webhooks/voxity/route";
import { POST as voxitySecretPathPost } from "@/app/api/webhooks/voxity/[secret]/route";

// A real HTTP server in front of the real webhook route handlers, for tools that speak HTTP
// (the simulator) without building the whole Next app.
type Handler = (request: Request, context: never) => Promise<Response>;

const routes: Record<string, Handler> = {
  "/api/webhooks/highlevel": highLevelPost,
  "/api/webhooks/voxity": voxityPost,
};

const SECRET_PATH = /^\/api\/webhooks\/voxity\/([^/?]+)$/;

/** The handler for a path and the route parameters Next would pass it. */
function route(url: string): { handler: Handler; context: unknown } | undefined {
  if (routes[url]) return { handler: routes[url], context: undefined };
  const secret = SECRET_PATH.exec(url)?.[1];
  if (secret === undefined) return undefined;
  let decoded = secret;
  try {
    decoded = decodeURIComponent(secret);
  } catch {
    // Next passes an undecodable segment through as it came; so does this stand-in.
  }
  return { handler: voxitySecretPathPost, context: { params: Promise.resolve({ secret: decoded }) } };
}

export async function startWebhookServer(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = req.method === "POST" ? route(req.url ?? "") : undefined;
    if (!target) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
      return;
    }
    const request = new Request(`http://localhost${req.url}`, {
      method: "POST",
      headers: req.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    });
    const response = await target.handler(request, target.context as never);
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
