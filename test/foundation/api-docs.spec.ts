import { ConfigError, loadConfig } from '../../src/config/load-config';
import { ApiClient } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

const OWN = { JWT_SECRET: 'k'.repeat(40), BOOTSTRAP_ADMIN_PASSWORD: 'Own-Admin-Pass-0001' };

describe('API_DOCS_PUBLIC: /api/docs while developing, in production only on request', () => {
  it('defaults to on outside production and off in production', () => {
    expect(loadConfig({}).apiDocsPublic).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).apiDocsPublic).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', ...OWN }).apiDocsPublic).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ...OWN, API_DOCS_PUBLIC: 'true' }).apiDocsPublic).toBe(true);
    expect(() => loadConfig({ API_DOCS_PUBLIC: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ API_DOCS_PUBLIC: 'yes' })).toThrow(/API_DOCS_PUBLIC must be true or false/);
  });

  describe('with API_DOCS_PUBLIC=false (the production default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { API_DOCS_PUBLIC: 'false' } });
    });
    afterAll(() => t?.close());

    it('serves neither the UI nor the JSON document', async () => {
      const api = new ApiClient(t.baseUrl);
      for (const path of ['/api/docs', '/api/docs/', '/api/docs-json']) {
        const res = await api.get(path);
        expect([path, res.status]).toEqual([path, 404]);
        expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
      }
      expect((await api.get('/health/live')).status).toBe(200);
    });
  });
});
