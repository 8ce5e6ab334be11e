import { describe, expect, it } from 'vitest';
import { describeConfig, loadConfig, redactConfig } from './config';

describe(loadConfig.name, () => {
  it('gives the embedded setup when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      ok: true,
      value: {
        port: 8080,
        host: '127.0.0.1',
        dataDir: './data',
        databaseFile: 'data/omnitouch.db',
        logLevel: 'info',
        groupCommitMs: 0,
        maxBodyBytes: 1_048_576,
        rateLimitPerMinute: 600_000,
        demo: false,
      },
    });
  });

  it('reads and converts every variable', () => {
    const loaded = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/omnitouch',
      LOG_LEVEL: 'debug',
      GROUP_COMMIT_MS: '5',
      MAX_BODY_BYTES: '2048',
      RATE_LIMIT_PER_MINUTE: '0',
      DEMO: 'true',
      BOOTSTRAP_ADMIN_KEY: 'a-long-bootstrap-secret',
    });
    expect(loaded.ok && loaded.value).toMatchObject({
      port: 9000,
      databaseFile: '/var/lib/omnitouch/omnitouch.db',
      logLevel: 'debug',
      rateLimitPerMinute: 0,
      demo: true,
      bootstrapAdminKey: 'a-long-bootstrap-secret',
    });
  });

  it('treats an empty string as unset', () => {
    expect(loadConfig({ PORT: '', DEMO: '' })).toMatchObject({
      ok: true,
      value: { port: 8080, demo: false },
    });
  });

  it('lists every issue, each named by its variable', () => {
    const loaded = loadConfig({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DEMO: 'maybe',
      MAX_BODY_BYTES: '10',
      BOOTSTRAP_ADMIN_KEY: 'short',
      DATABASE_URL: 'postgres://u:p@db/omnitouch',
      NATS_URL: 'nats://nats:4222',
    });
    expect(loaded.ok).toBe(false);
    const fields = loaded.ok ? [] : [...new Set(loaded.issues.map((issue) => issue.field))];
    expect(fields.sort()).toEqual(
      [
        'BOOTSTRAP_ADMIN_KEY',
        'DATABASE_URL',
        'DEMO',
        'LOG_LEVEL',
        'MAX_BODY_BYTES',
        'NATS_URL',
        'PORT',
      ].sort(),
    );
  });

  it('reports a reserved scale-out variable as not yet supported', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/omnitouch' })).toEqual({
      ok: false,
      issues: [
        { field: 'DATABASE_URL', reason: 'not yet supported: unset it to use the embedded setup' },
      ],
    });
  });
});

describe(redactConfig.name, () => {
  it('hides the bootstrap admin key', () => {
    const loaded = loadConfig({ BOOTSTRAP_ADMIN_KEY: 'a-long-bootstrap-secret' });
    const redacted = loaded.ok ? redactConfig(loaded.value) : undefined;
    expect(redacted?.bootstrapAdminKey).toBe('[redacted]');
    expect(JSON.stringify(redacted)).not.toContain('a-long-bootstrap-secret');
  });
});

describe(describeConfig.name, () => {
  it('describes every variable with its default', () => {
    const rows = describeConfig();
    expect(rows.map((row) => row.name)).toEqual([
      'PORT',
      'HOST',
      'DATA_DIR',
      'LOG_LEVEL',
      'GROUP_COMMIT_MS',
      'MAX_BODY_BYTES',
      'RATE_LIMIT_PER_MINUTE',
      'DEMO',
      'BOOTSTRAP_ADMIN_KEY',
      'DATABASE_URL',
      'NATS_URL',
    ]);
    expect(rows.find((row) => row.name === 'PORT')?.default).toBe('8080');
    expect(rows.every((row) => row.description.length > 10)).toBe(true);
  });
});
