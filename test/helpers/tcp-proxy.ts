import { createConnection, createServer, Server, Socket } from 'node:net';

// A TCP proxy in front of the test database that the test controls: it can hold every chunk the
// database sends for `delayMs` (slow requests), cut every connection and stop listening (outage),
// and listen again on the same port (recovery).
export class TcpProxy {
  port = 0;
  delayMs = 0;
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  // what the service sent on each connection (the first 64 KB, as latin1: SQL text is readable)
  readonly connections: Array<{ sent: string }> = [];

  constructor(private readonly targetHost: string, private readonly targetPort: number) {}

  async listen(port = this.port): Promise<this> {
    const server = createServer((client) => this.pipe(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as { port: number }).port;
    return this;
  }

  private pipe(client: Socket): void {
    const upstream = createConnection(this.targetPort, this.targetHost);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        this.sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    const record = { sent: '' };
    this.connections.push(record);
    client.on('data', (chunk: Buffer) => {
      if (record.sent.length < 65536) record.sent += chunk.toString('latin1');
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      const forward = () => {
        if (!client.destroyed) client.write(chunk);
      };
      // equal delays keep the chunks in order
      if (this.delayMs > 0) setTimeout(forward, this.delayMs);
      else forward();
    });
  }

  // The database "goes away": open connections are reset, new ones refused.
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // The database is back, at the same address.
  restore(): Promise<this> {
    return this.listen(this.port);
  }

  close(): Promise<void> {
    return this.cut();
  }
}
