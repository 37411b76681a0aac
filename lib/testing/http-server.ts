import http from "node:http";
import type { AddressInfo } from "node:net";
import { POST as leadConnectorPost } from "@/app/api/webhooks/leadconnector/route";
import { POST as voxityPost } from "@/app/api/webhooks/voxity/route";

// A real HTTP server in front of the real webhook route handlers, for tools that speak HTTP
// (the simulator) without building the whole Next app.
const routes: Record<string, (request: Request, context: never) => Promise<Response>> = {
  "/api/webhooks/leadconnector": leadConnectorPost,
  "/api/webhooks/voxity": voxityPost,
};

export async function startWebhookServer(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const handler = req.method === "POST" ? routes[req.url ?? ""] : undefined;
    if (!handler) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
      return;
    }
    const request = new Request(`http://localhost${req.url}`, {
      method: "POST",
      headers: req.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    });
    const response = await handler(request, undefined as never);
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
