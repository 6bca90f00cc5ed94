import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { DataSource } from 'typeorm';
import { createServer, ServerOptions, Service } from '../../src/server';

export interface HttpService {
  url: string;
  service: Service;
  close(): Promise<void>;
}

// The real HTTP stack (express + Apollo) on a free port.
export async function startHttp(ds: DataSource, options: Omit<ServerOptions, 'ds'> = {}): Promise<HttpService> {
  const service = await createServer({ ds, ...options });
  const server: Server = await new Promise((resolve) => {
    const s = service.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    service,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.stop();
    },
  };
}

export interface HttpGqlResult {
  status: number;
  body: any;
}

export async function postGraphql(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<HttpGqlResult> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = { raw: text };
  }
  return { status: res.status, body };
}
