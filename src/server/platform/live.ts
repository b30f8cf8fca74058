import { EventEmitter } from 'node:events';
import pg from 'pg';

export interface LiveMessage {
  userId: string;
  type: string;
  data: unknown;
}

type Listener = (m: LiveMessage) => void;

/**
 * Live updates to connected browsers (SSE). In one process the hub is an event emitter;
 * on PostgreSQL every process LISTENs on one channel and publishes with NOTIFY, so a user
 * connected to any app server receives what any other server or worker published.
 */
export class LiveHub {
  private readonly local = new EventEmitter();
  private listener?: pg.Client;
  private pool?: pg.Pool;

  constructor() {
    this.local.setMaxListeners(0);
  }

  /** Switches to PostgreSQL fan-out; call once at start-up. */
  async connectPostgres(url: string, pool: pg.Pool): Promise<void> {
    this.pool = pool;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    client.on('notification', (n) => {
      if (n.channel !== 'gendan_live' || !n.payload) return;
      try {
        this.deliver(JSON.parse(n.payload) as LiveMessage);
      } catch {
        /* a malformed payload is not ours */
      }
    });
    client.on('error', () => {});
    await client.query('LISTEN gendan_live');
    this.listener = client;
  }

  subscribe(userId: string, fn: Listener): () => void {
    const key = `u:${userId}`;
    this.local.on(key, fn);
    return () => this.local.off(key, fn);
  }

  async publish(message: LiveMessage): Promise<void> {
    if (this.pool) {
      await this.pool.query('select pg_notify($1, $2)', ['gendan_live', JSON.stringify(message)]);
    } else {
      this.deliver(message);
    }
  }

  connectionCount(): number {
    return this.local.eventNames().reduce((n, e) => n + this.local.listenerCount(e), 0);
  }

  private deliver(m: LiveMessage): void {
    this.local.emit(`u:${m.userId}`, m);
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
    await this.listener?.end().catch(() => {});
    this.listener = undefined;
  }
}
