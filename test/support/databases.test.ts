import { describe, expect, it } from 'vitest';
import { decidePostgres, urlWithSchema } from './databases.js';

describe('which databases the tests run on', () => {
  it('runs on PostgreSQL when STARL_TEST_DATABASE_URL is set, in CI or not', () => {
    const url = 'postgres://starl:pw@127.0.0.1:5432/starl_test';
    expect(decidePostgres({ STARL_TEST_DATABASE_URL: url })).toEqual({ kind: 'run', url });
    expect(decidePostgres({ STARL_TEST_DATABASE_URL: ` ${url} `, CI: 'true' })).toEqual({ kind: 'run', url });
  });

  it('skips PostgreSQL without it, except in CI, where the run fails', () => {
    expect(decidePostgres({})).toEqual({ kind: 'skip' });
    expect(decidePostgres({ CI: 'false', STARL_TEST_DATABASE_URL: '' })).toEqual({ kind: 'skip' });
    expect(decidePostgres({ CI: 'true' })).toMatchObject({ kind: 'fail', line: expect.stringContaining('STARL_TEST_DATABASE_URL is not set') });
  });

  it("gives each test's schema through the URL's search_path, keeping the rest of the URL", () => {
    const url = new URL(urlWithSchema('postgres://starl:pw@db.example:5433/starl_test?sslmode=disable', 'starl_test_ab12'));
    expect([url.username, url.password, url.host, url.pathname]).toEqual(['starl', 'pw', 'db.example:5433', '/starl_test']);
    expect(url.searchParams.get('sslmode')).toBe('disable');
    expect(url.searchParams.get('options')).toBe('-c search_path=starl_test_ab12');
  });
});
