/** Runtime configuration, read once from the environment (API.md "Configuration"). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  publicUrl: string;
  adminPassword?: string;
  smtpUrl?: string;
  smtpFrom: string;
  worker: 'inline' | 'off';
  demo: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Base delay of the outbox retry backoff; tests shorten it. */
  outboxBackoffMs: number;
  outboxPollMs: number;
  /** How long a claimed outbox row stays locked to its worker; after a crash it is retried when the lease ends (GENDAN_OUTBOX_LEASE_MS). */
  outboxLeaseMs: number;
  /** How often the worker scans for due stage reminders and escalations (GENDAN_SLA_SCAN_MS). */
  slaScanMs: number;
  logLevel: string;
  timeZone: string;
  /** Kuaidi100 (快递100) tracking subscription: the company's own key and push-signature salt. */
  kuaidi100: { key?: string; salt?: string; pollUrl: string };
}

const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = int(env.PORT, 3000);
  const host = env.HOST || '127.0.0.1';
  const cfg: Config = {
    port,
    host,
    databaseUrl: env.DATABASE_URL || 'sqlite:./data/gendan.db',
    publicUrl: (env.GENDAN_PUBLIC_URL || `http://${host}:${port}`).replace(/\/$/, ''),
    adminPassword: env.GENDAN_ADMIN_PASSWORD || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM || 'Gendan <gendan@localhost>',
    worker: env.GENDAN_WORKER === 'off' ? 'off' : 'inline',
    demo: env.GENDAN_DEMO === '1' || env.GENDAN_DEMO === 'true',
    sessionIdleMinutes: int(env.GENDAN_SESSION_IDLE_MINUTES, 120),
    sessionAbsoluteHours: int(env.GENDAN_SESSION_ABSOLUTE_HOURS, 12),
    outboxBackoffMs: int(env.GENDAN_OUTBOX_BACKOFF_MS, 5000),
    outboxPollMs: int(env.GENDAN_OUTBOX_POLL_MS, 1000),
    outboxLeaseMs: int(env.GENDAN_OUTBOX_LEASE_MS, 60_000),
    slaScanMs: int(env.GENDAN_SLA_SCAN_MS, 60_000),
    // warn by default: a line per request only when asked for (LOG_LEVEL=info); errors always, with their request id.
    logLevel: env.LOG_LEVEL || 'warn',
    timeZone: env.GENDAN_TIME_ZONE || 'Asia/Shanghai',
    kuaidi100: { key: env.KUAIDI100_KEY || undefined, salt: env.KUAIDI100_SALT || undefined, pollUrl: env.KUAIDI100_POLL_URL || 'https://poll.kuaidi100.com/poll' },
    ...overrides,
  };
  return cfg;
}
