import { createServer, type Server } from 'node:net';

/**
 * `n` distinct TCP ports on 127.0.0.1 that were free a moment ago, chosen by the OS: all are
 * held open together, then released. A port picked at random can belong to another service on
 * the machine (a proof run once drew 5672, RabbitMQ's).
 */
export async function freePorts(n: number): Promise<number[]> {
  const held: Server[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const s = createServer();
      held.push(s);
      await new Promise<void>((resolve, reject) => s.once('error', reject).listen(0, '127.0.0.1', resolve));
    }
    return held.map((s) => (s.address() as { port: number }).port);
  } finally {
    await Promise.all(held.map((s) => new Promise((r) => s.close(r))));
  }
}
