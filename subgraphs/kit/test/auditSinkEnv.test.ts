import { assertAuditSinkConfig, auditSinkEnv, ConfigError, envPostgresUrl, readConfig, redactedDatabaseUrl } from '../src/index';

describe('AUDIT_SINK and AUDIT_DATABASE_URL', () => {
  it('default to the file journal, and read a postgres URL as given', () => {
    expect(readConfig(auditSinkEnv(), {})).toEqual({ auditSink: 'file', auditDatabaseUrl: '' });
    expect(readConfig(auditSinkEnv(), { AUDIT_SINK: 'postgres', AUDIT_DATABASE_URL: 'postgresql://app:pw@db:5432/audit' })).toEqual({
      auditSink: 'postgres',
      auditDatabaseUrl: 'postgresql://app:pw@db:5432/audit',
    });
  });

  it('refuse another scheme, a URL without host or database, naming the variable and never echoing the value', () => {
    for (const [raw, reason] of [
      ['mysql://app:s3cret@db/audit', 'expected a postgres://user:password@host:port/database URL'],
      ['postgres://app:s3cret@db:5432/', 'expected a postgres://user:password@host:port/database URL (no database)'],
      ['not a url s3cret', 'expected a postgres://user:password@host:port/database URL'],
    ] as const) {
      let error: unknown;
      try {
        readConfig(auditSinkEnv(), { AUDIT_DATABASE_URL: raw });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([`AUDIT_DATABASE_URL: ${reason}`]);
      expect((error as Error).message).not.toContain('s3cret');
    }
    expect(envPostgresUrl('postgres:///audit?host=/run/postgresql&user=app')).toBe('postgres:///audit?host=/run/postgresql&user=app');
    expect(() => readConfig(auditSinkEnv(), { AUDIT_SINK: 'mongo' })).toThrow('AUDIT_SINK: expected one of file, postgres');
  });

  it('require a URL with AUDIT_SINK=postgres', () => {
    expect(() => assertAuditSinkConfig({ auditSink: 'postgres', auditDatabaseUrl: '' })).toThrow(new ConfigError(['AUDIT_DATABASE_URL: required when AUDIT_SINK=postgres']));
    expect(() => assertAuditSinkConfig({ auditSink: 'file', auditDatabaseUrl: '' })).not.toThrow();
  });

  it('print a URL without its password or parameters', () => {
    expect(redactedDatabaseUrl('postgres://gateway_app:s3cret@db.cd12.fr:5432/audit?sslmode=require')).toBe('postgres://gateway_app@db.cd12.fr:5432/audit');
    expect(redactedDatabaseUrl('postgres:///audit?host=/run/postgresql&user=app&password=s3cret')).toBe('postgres:///run/postgresql/audit');
  });
});
