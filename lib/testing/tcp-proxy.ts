import net from "node:net";

/**
 * A TCP proxy in front of the database that a test can cut and restore: the real network
 * failure an app sees when its database goes away, with no mock in between.
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  private cutWhen: ((chunk: Buffer) => boolean) | null = null;
  private down = false;
  private frozen = false;
  port = 0;

  constructor(private upstream: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  private accept(client: net.Socket) {
    if (this.down) return void client.destroy();
    const upstream = net.connect(this.upstream);
    this.sockets.add(client).add(upstream);
    client.on("data", (chunk: Buffer) => {
      if (this.cutWhen?.(chunk)) {
        this.cutWhen = null;
        this.cut();
        return;
      }
      // A frozen database accepts bytes and answers nothing, like a stalled server.
      if (!this.frozen) upstream.write(chunk);
    });
    upstream.on("data", (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on("close", close).on("error", close);
    upstream.on("close", close).on("error", close);
  }

  /** The database is gone: open connections drop, new ones are refused. */
  cut(): void {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  /** Cut the moment the app sends something matching, e.g. the BEGIN of its processing transaction. */
  cutOnClientData(matches: (chunk: Buffer) => boolean): void {
    this.cutWhen = matches;
  }

  /** The database stops answering (a freeze, a lock wait): requests go out, nothing comes back. */
  freeze(): void {
    this.frozen = true;
  }

  restore(): void {
    this.down = false;
    this.frozen = false;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
