import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { widenListenBacklog } from "./listen-backlog";

// The kernel's own figure, not our bookkeeping: for a listening socket, `ss` shows the backlog
// as Send-Q. Node's default is 511; the widened socket must show the configured figure (capped by
// net.core.somaxconn, which the kernel applies).

const servers: Server[] = [];

async function listening(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return { server, port: address.port };
}

function kernelBacklog(port: number): number {
  const line = execFileSync("ss", ["-Hltn", `sport = :${port}`], { encoding: "utf8" }).trim();
  // "LISTEN 0 4096 127.0.0.1:port 0.0.0.0:*": Recv-Q, then Send-Q (the backlog).
  return Number(line.split(/\s+/)[2]);
}

const somaxconn = Number(readFileSync("/proc/sys/net/core/somaxconn", "utf8"));

afterEach(async () => {
  delete process.env.THREADLINE_LISTEN_BACKLOG;
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("widenListenBacklog", () => {
  it("raises a listening socket's backlog from Node's 511 to 4,096 (capped by somaxconn)", async () => {
    const { server, port } = await listening();
    expect(kernelBacklog(port)).toBe(Math.min(511, somaxconn));
    widenListenBacklog(server);
    expect(kernelBacklog(port)).toBe(Math.min(4096, somaxconn));
  });

  it("takes THREADLINE_LISTEN_BACKLOG, and 0 leaves the socket as it is", async () => {
    const first = await listening();
    process.env.THREADLINE_LISTEN_BACKLOG = "1024";
    widenListenBacklog(first.server);
    expect(kernelBacklog(first.port)).toBe(Math.min(1024, somaxconn));
    const second = await listening();
    process.env.THREADLINE_LISTEN_BACKLOG = "0";
    widenListenBacklog(second.server);
    expect(kernelBacklog(second.port)).toBe(Math.min(511, somaxconn));
  });
});
