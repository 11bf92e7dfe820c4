import { describe, expect, it } from 'vitest';
import { parseRoute } from './router';

describe('parseRoute', () => {
  it('knows every page', () => {
    expect(parseRoute('/')).toEqual({ page: 'start' });
    expect(parseRoute('/join/abc')).toEqual({ page: 'join', id: 'abc' });
    expect(parseRoute('/s/abc')).toEqual({ page: 'session', id: 'abc' });
    expect(parseRoute('/s/abc/report')).toEqual({ page: 'report', id: 'abc' });
    expect(parseRoute('/beamer/abc')).toEqual({ page: 'beamer', id: 'abc' });
  });

  it('sends anything else to not found', () => {
    expect(parseRoute('/s')).toEqual({ page: 'not_found' });
    expect(parseRoute('/join/a/b')).toEqual({ page: 'not_found' });
  });
});
