import { EventEmitter } from 'node:events';
import pg from 'pg';

export interface LiveMessage {
  userId: string;
  type: string;
  data: unknown;
}

type Listener = (m: LiveMessage) => void;

/** `userId` of a message for every connected user (a change on shared screens such as the production board); carry no data a user may not see. */
export const EVERYONE = '*';

const CHANNEL = 'gendan_live';
/** PostgreSQL rejects NOTIFY payloads of 8000 bytes or more; keep a margin. */
const MAX_PAYLOAD_BYTES = 7900;

/**
 * Live updates to connected browsers (SSE). In one process the hub is an event emitter;
 * on PostgreSQL every process LISTENs on one channel and publishes with NOTIFY, so a user
 * connected to any app server receives what any other server or worker published.
 * Live pushes are best effort: what matters is stored first (notifications, events), and a
 * client that reconnects reloads it, so a message lost while the listener reconnects is fine.
 */
export class LiveHub {
  private readonly local = new EventEmitter();
  private listener?: pg.Client;
  private pool?: pg.Pool;
  private url?: string;
  private closed = false;
  private reconnectTimer?: NodeJS.Timeout;
  private reconnectDelayMs = 500;

  constructor() {
    this.local.setMaxListeners(0);
  }

  /** Switches to PostgreSQL fan-out; call once at start-up. */
  async connectPostgres(url: string, pool: pg.Pool): Promise<void> {
    this.pool = pool;
    this.url = url;
    await this.listen();
  }

  /** The LISTEN connection is dedicated (not from the pool): it must stay open and idle. */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => {});
      this.scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      try {
        this.deliver(JSON.parse(n.payload) as LiveMessage);
      } catch {
        /* a malformed payload is not ours */
      }
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.listener = client;
    this.reconnectDelayMs = 500;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    const delay = this.reconnectDelayMs;
    this.reconnectDelayMs = Math.min(delay * 2, 30_000);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.listen().catch(() => this.scheduleReconnect());
    }, delay);
    this.reconnectTimer.unref();
  }

  subscribe(userId: string, fn: Listener): () => void {
    const key = `u:${userId}`;
    this.local.on(key, fn);
    return () => this.local.off(key, fn);
  }

  async publish(message: LiveMessage): Promise<void> {
    if (!this.pool) return this.deliver(message);
    let payload = JSON.stringify(message);
    // Too big for NOTIFY: send a marker instead, so the client knows to reload.
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) payload = JSON.stringify({ userId: message.userId, type: message.type, data: { truncated: true } });
    await this.pool.query('select pg_notify($1, $2)', [CHANNEL, payload]);
  }

  connectionCount(): number {
    return this.local.eventNames().reduce((n, e) => n + this.local.listenerCount(e), 0);
  }

  private deliver(m: LiveMessage): void {
    if (m.userId === EVERYONE) {
      for (const key of this.local.eventNames()) this.local.emit(key, m);
      return;
    }
    this.local.emit(`u:${m.userId}`, m);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    this.local.removeAllListeners();
    const client = this.listener;
    this.listener = undefined;
    await client?.end().catch(() => {});
  }
}
