import { json } from './db/dialect.ts';
import type { Tx } from './db/database.ts';
import { newId, nowIso } from './ids.ts';
import { onCommit } from './db/transaction.ts';
import type { Actor } from './http/actor.ts';

export interface EventInput {
  entityType: string;
  entityId: string;
  type: string;
  actor: Pick<Actor, 'id' | 'via'> | null;
  stage?: string | null;
  before?: unknown;
  after?: unknown;
  data?: Record<string, unknown>;
}

export interface StoredEvent {
  id: string;
  entityType: string;
  entityId: string;
  type: string;
  actorId: string | null;
  at: string;
  stage: string | null;
  data: Record<string, unknown>;
}

type Subscriber = (tx: Tx, event: StoredEvent) => Promise<void>;
type BatchSubscriber = (tx: Tx, events: StoredEvent[]) => Promise<void>;
const subscribers = new Map<string, { each: Subscriber; many?: BatchSubscriber }>();

/**
 * Cross-cutting engines (notifications, webhooks, stages) learn of domain changes here,
 * inside the same transaction, and answer by writing outbox rows — never by calling back
 * into the module that emitted the event. `many`, when given, takes the events of one
 * append (an import's thousand new orders) in one call; either way a subscriber sees the
 * events in order.
 */
export function subscribe(name: string, each: Subscriber, many?: BatchSubscriber): void {
  subscribers.set(name, { each, many });
}

function build(input: EventInput): StoredEvent {
  return {
    id: newId(),
    entityType: input.entityType,
    entityId: input.entityId,
    type: input.type,
    actorId: input.actor && input.actor.via !== 'system' ? input.actor.id : null,
    at: nowIso(),
    stage: input.stage ?? null,
    data: { ...(input.data ?? {}), ...(input.before !== undefined ? { before: input.before } : {}), ...(input.after !== undefined ? { after: input.after } : {}) },
  };
}

/** Appends to the append-only event log (timeline + audit) in the caller's transaction. */
export async function appendEvent(tx: Tx, input: EventInput): Promise<StoredEvent> {
  const [event] = await appendEvents(tx, [input]);
  return event;
}

/** Many events in few statements (imports): same log, same subscribers. */
export async function appendEvents(tx: Tx, inputs: EventInput[]): Promise<StoredEvent[]> {
  const events = inputs.map(build);
  for (let i = 0; i < events.length; i += 500) {
    await tx
      .insertInto('event')
      .values(events.slice(i, i + 500).map((e) => ({ ...e, data: json.write(e.data) })))
      .execute();
  }
  for (const { each, many } of subscribers.values()) {
    if (many && events.length > 1) await many(tx, events);
    else for (const e of events) await each(tx, e);
  }
  return events;
}

export { onCommit };
