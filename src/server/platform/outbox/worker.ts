import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { DbHandle } from '../db/database.ts';
import { forUpdateSkipLocked, json } from '../db/dialect.ts';
import { inTransaction } from '../db/transaction.ts';
import { newId, nowIso } from '../ids.ts';
import { outboxSignal } from './outbox.ts';

export interface OutboxJob {
  id: string;
  channel: string;
  topic: string;
  payload: any;
  attempt: number;
}

/** A channel handler. It must be idempotent: a job can run again after a crash or timeout. */
export type OutboxHandler = (job: OutboxJob) => Promise<void>;

export interface WorkerOptions {
  handlers: Record<string, OutboxHandler>;
  backoffMs: number;
  pollMs: number;
  /** Deliveries in flight at once, and so the largest claim. */
  batchSize?: number;
  maxAttempts?: number;
  /**
   * How long a claimed job stays invisible to other workers. Handlers must finish well
   * within it (the webhook channel times out after 10 s), or another worker runs the job too.
   */
  leaseMs?: number;
  log?: Logger;
}

/**
 * Delivers outbox rows: claim a batch (SKIP LOCKED on PostgreSQL), run each handler
 * outside any transaction, then record the attempt and either finish the row or schedule
 * a retry with exponential backoff. Any number of workers may run against one database.
 */
export class OutboxWorker {
  readonly id = `${hostname()}:${process.pid}:${newId().slice(-8)}`;
  private timer?: NodeJS.Timeout;
  private running = false;
  private stopped = true;
  private again = false;
  private idle?: Promise<void>;
  private readonly wake = () => this.kick();
  private readonly channels: string[];
  private readonly capacity: number;
  /** Jobs being delivered right now; each frees its slot when its attempt is recorded. */
  private readonly inflight = new Set<Promise<void>>();
  /** The last claim filled every free slot, so more work is probably waiting. */
  private backlog = false;

  constructor(
    private readonly handle: DbHandle,
    private readonly opts: WorkerOptions,
  ) {
    this.channels = Object.keys(opts.handlers);
    if (this.channels.length === 0) throw new Error('OutboxWorker needs at least one channel handler');
    this.capacity = opts.batchSize ?? 20;
  }

  start(): void {
    this.stopped = false;
    outboxSignal.on('wake', this.wake);
    this.kick();
  }

  /** Stops claiming and waits for the deliveries in flight to finish and be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    outboxSignal.off('wake', this.wake);
    clearTimeout(this.timer);
    await this.idle;
    await Promise.all([...this.inflight]);
  }

  /**
   * Keeps up to `batchSize` deliveries in flight: claims as many jobs as there are free
   * slots, and claims again whenever a slot frees while a backlog remains. Jobs are not
   * processed batch by batch: one slow endpoint (up to the 10 s webhook timeout) must not
   * hold back the other 19 jobs claimed with it.
   */
  private kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = true;
    this.idle = (async () => {
      try {
        do {
          this.again = false;
          while (!this.stopped && this.inflight.size < this.capacity) {
            const free = this.capacity - this.inflight.size;
            const jobs = await this.claim(free);
            this.backlog = jobs.length === free;
            for (const job of jobs) this.track(job);
            if (!this.backlog) break;
          }
        } while (this.again && !this.stopped);
      } catch (err) {
        this.opts.log?.error({ err }, 'outbox worker loop failed');
      } finally {
        this.running = false;
        if (!this.stopped) this.timer = setTimeout(() => this.kick(), this.opts.pollMs);
      }
    })();
  }

  private track(job: OutboxJob): void {
    const task: Promise<void> = this.process(job)
      .catch((err) => this.opts.log?.error({ err, outboxId: job.id }, 'recording an outbox attempt failed'))
      .finally(() => {
        this.inflight.delete(task);
        if (this.backlog) this.kick();
      });
    this.inflight.add(task);
  }

  /**
   * Claims one batch and delivers it concurrently; returns how many jobs it handled. For
   * tests and tools that drive a worker step by step instead of `start()`.
   */
  async runOnce(): Promise<number> {
    const jobs = await this.claim(this.capacity);
    await Promise.all(jobs.map((job) => this.process(job)));
    return jobs.length;
  }

  private async claim(limit: number): Promise<OutboxJob[]> {
    const { db, dialect } = this.handle;
    const now = nowIso();
    const leaseUntil = new Date(Date.now() + (this.opts.leaseMs ?? 60_000)).toISOString();
    return inTransaction(db, async (tx) => {
      const rows = await forUpdateSkipLocked(
        dialect,
        tx
          .selectFrom('outbox')
          .select(['id', 'channel', 'topic', 'payload', 'attempts'])
          .where('state', '=', 'pending')
          // A worker never claims what it cannot deliver, so a worker built without a
          // channel's handler leaves those jobs to one that has it instead of burning attempts.
          .where('channel', 'in', this.channels)
          .where('nextAttemptAt', '<=', now)
          .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
          .orderBy('nextAttemptAt')
          .limit(limit),
      ).execute();
      if (rows.length === 0) return [];
      await tx
        .updateTable('outbox')
        .set((eb) => ({ lockedBy: this.id, lockedUntil: leaseUntil, attempts: eb('attempts', '+', 1) }))
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.map((r) => ({ id: r.id, channel: r.channel, topic: r.topic, payload: json.read(r.payload, null), attempt: r.attempts + 1 }));
    });
  }

  private async process(job: OutboxJob): Promise<void> {
    const started = Date.now();
    let error: string | null = null;
    try {
      const handler = this.opts.handlers[job.channel];
      if (!handler) throw new Error(`no handler for channel ${job.channel}`);
      await handler(job);
    } catch (err) {
      error = (err as Error).message?.slice(0, 1000) || String(err);
    }
    const max = this.opts.maxAttempts ?? 10;
    const at = nowIso();
    await inTransaction(this.handle.db, async (tx) => {
      await tx
        .insertInto('outboxAttempt')
        .values({ id: newId(), outboxId: job.id, attempt: job.attempt, at, ok: error ? 0 : 1, error, durationMs: Date.now() - started })
        .execute();
      const base = tx.updateTable('outbox').where('id', '=', job.id).where('lockedBy', '=', this.id);
      if (!error) {
        await base.set({ state: 'done', doneAt: at, lockedBy: null, lockedUntil: null, lastError: null }).execute();
      } else {
        // Up to 10 % jitter spreads retries of jobs that failed together (an endpoint that
        // was down) without breaking the doubling: each delay still exceeds the one before.
        const delay = Math.min(this.opts.backoffMs * 2 ** (job.attempt - 1), 3_600_000) * (1 + Math.random() * 0.1);
        await base
          .set({
            state: job.attempt >= max ? 'dead' : 'pending',
            nextAttemptAt: new Date(Date.now() + delay).toISOString(),
            lockedBy: null,
            lockedUntil: null,
            lastError: error,
          })
          .execute();
      }
    });
    if (error && job.attempt >= max) this.opts.log?.error({ outboxId: job.id, channel: job.channel, attempt: job.attempt, error }, 'outbox delivery dead after max attempts');
    else if (error) this.opts.log?.warn({ outboxId: job.id, channel: job.channel, attempt: job.attempt, error }, 'outbox delivery failed');
  }
}
