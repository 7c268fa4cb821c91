import { describe, expect, it } from 'vitest';
import { apiOrigin } from './origin';

describe('apiOrigin', () => {
  it('should prefer the URL apex start passes, then the compose origin', () => {
    expect(apiOrigin({ APEX_API_URL: 'http://127.0.0.1:8123/', API_ORIGIN: 'http://api:8000' })).toBe('http://127.0.0.1:8123');
    expect(apiOrigin({ API_ORIGIN: 'http://api:8000' })).toBe('http://api:8000');
  });
  it('should never read PORT, which is the web server’s own port', () => {
    expect(apiOrigin({ PORT: '3000' })).toBe('http://127.0.0.1:8000');
    expect(apiOrigin({ API_PORT: '9001' })).toBe('http://127.0.0.1:9001');
  });
});
