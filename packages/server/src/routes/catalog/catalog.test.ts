import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogCollectionNames, type ErrorBody } from '@omnitouch/contracts';
import { catalogFixtures, marketingCase, touchpoint } from '../../testing/catalog-fixtures';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { registerCatalogRoutes } from './catalog.routes';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

/** Creates every fixture through the API, in dependency order. */
async function createAllFixtures(): Promise<void> {
  for (const collection of catalogCollectionNames) {
    const item = catalogFixtures[collection];
    const url = `/api/v1/catalog/${collection}/${item.id}`;
    const response = await t.request({ method: 'PUT', url, payload: item, as: 'planner' });
    expect(response.statusCode, `${collection}: ${response.body}`).toBe(201);
  }
}

describe(registerCatalogRoutes.name, () => {
  it.each(catalogCollectionNames)(
    'creates, reads, lists, replaces and deletes %s',
    async (collection) => {
      await createAllFixtures();
      const item = catalogFixtures[collection];
      const url = `/api/v1/catalog/${collection}/${item.id}`;
      expect((await t.request({ method: 'GET', url, as: 'analyst' })).json()).toEqual(item);
      const list = await t.request({
        method: 'GET',
        url: `/api/v1/catalog/${collection}`,
        as: 'staff',
      });
      expect(list.json()).toEqual({ items: [item] });
      const replaced = await t.request({ method: 'PUT', url, payload: item, as: 'admin' });
      expect(replaced.statusCode).toBe(200);
      if (collection === 'cases') {
        expect((await t.request({ method: 'DELETE', url, as: 'planner' })).statusCode).toBe(204);
        expect((await t.request({ method: 'GET', url, as: 'planner' })).statusCode).toBe(404);
      }
    },
  );

  it('calls onCatalogChanged with each saved snapshot, so the next event sees the change', async () => {
    await createAllFixtures();
    expect(t.catalogChanges).toHaveLength(catalogCollectionNames.length);
    expect(t.catalogChanges.at(-1)?.cases).toEqual([marketingCase]);
    expect(t.catalog.version()).toBe(catalogCollectionNames.length);
  });

  it('rejects a case with an unknown touchpoint and a bad rule, naming each field, and changes nothing', async () => {
    await createAllFixtures();
    const bad = {
      ...marketingCase,
      id: 'bad-case',
      targetRule: { has_tag: 'no-such-tag' },
      touchpoints: [{ ...marketingCase.touchpoints[0], touchpointId: 'carrier-pigeon' }],
    };
    const url = '/api/v1/catalog/cases/bad-case';
    const response = await t.request({ method: 'PUT', url, payload: bad, as: 'planner' });
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.error).toBe('catalog-invalid');
    const fields = body.issues?.map((issue) => issue.field);
    expect(fields).toContain('/cases/bad-case/touchpoints/0/touchpointId');
    expect(fields?.some((field) => field.startsWith('/cases/bad-case/targetRule'))).toBe(true);
    expect((await t.request({ method: 'GET', url, as: 'planner' })).statusCode).toBe(404);
    expect(t.catalog.version()).toBe(catalogCollectionNames.length);
    expect(t.catalogChanges).toHaveLength(catalogCollectionNames.length);
  });

  it('refuses to delete a touchpoint a case still uses, pointing at the case', async () => {
    await createAllFixtures();
    const url = `/api/v1/catalog/touchpoints/${touchpoint.id}`;
    const response = await t.request({ method: 'DELETE', url, as: 'planner' });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().issues).toContainEqual({
      field: '/cases/data-pack/touchpoints/0/touchpointId',
      reason: "unknown touchpoint 'sms'",
    });
    expect((await t.request({ method: 'GET', url, as: 'planner' })).statusCode).toBe(200);
  });

  it('answers 400 naming every failing field of a malformed body', async () => {
    const payload = { ...touchpoint, kind: 'sideways', costPerContact: -1, colour: 'red' };
    const url = `/api/v1/catalog/touchpoints/${touchpoint.id}`;
    const response = await t.request({ method: 'PUT', url, payload, as: 'planner' });
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.error).toBe('validation-failed');
    expect(body.issues?.map((issue) => issue.field).sort()).toEqual([
      '/colour',
      '/costPerContact',
      '/kind',
    ]);
  });

  it('answers 400 on /id when the body id differs from the URL', async () => {
    const url = '/api/v1/catalog/touchpoints/other';
    const response = await t.request({ method: 'PUT', url, payload: touchpoint, as: 'planner' });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().issues?.[0]?.field).toBe('/id');
  });

  it('answers 404 for an unknown id and for deleting one', async () => {
    const url = '/api/v1/catalog/tags/nope';
    expect((await t.request({ method: 'GET', url, as: 'analyst' })).json<ErrorBody>().error).toBe(
      'not-found',
    );
    expect((await t.request({ method: 'DELETE', url, as: 'planner' })).statusCode).toBe(404);
  });

  it.each([
    ['GET', '/api/v1/catalog/cases'],
    ['GET', '/api/v1/catalog/contact-policy'],
    ['PUT', '/api/v1/catalog/tags/5g-user'],
    ['DELETE', '/api/v1/catalog/tags/5g-user'],
    ['PUT', '/api/v1/catalog'],
  ] as const)('answers 401 to %s %s without a key', async (method, url) => {
    const response = await t.request({ method, url, payload: {} });
    expect(response.statusCode).toBe(401);
    expect(response.json<ErrorBody>().error).toBe('missing-api-key');
  });

  it.each(['analyst', 'staff', 'ingest', 'approver'] as const)(
    'answers 403 to a %s key writing the catalog',
    async (role) => {
      const url = `/api/v1/catalog/tag-categories/${catalogFixtures['tag-categories'].id}`;
      const response = await t.request({
        method: 'PUT',
        url,
        payload: catalogFixtures['tag-categories'],
        as: role,
      });
      expect(response.statusCode).toBe(403);
      expect(t.catalog.version()).toBe(0);
    },
  );
});

describe('contact policy and whole-catalog routes', () => {
  it('reads the default contact policy and replaces it', async () => {
    const url = '/api/v1/catalog/contact-policy';
    const policy = (await t.request({ method: 'GET', url, as: 'ingest' })).json<
      Record<string, unknown>
    >();
    expect(policy.disturbancesPer30Days).toBe(15);
    const changed = { ...policy, disturbancesPer30Days: 10 };
    const response = await t.request({ method: 'PUT', url, payload: changed, as: 'planner' });
    expect(response.statusCode).toBe(200);
    expect(t.catalog.snapshot().contactPolicy.disturbancesPer30Days).toBe(10);
  });

  it('rejects a contact policy cap on an unknown touchpoint with its resource path', async () => {
    const url = '/api/v1/catalog/contact-policy';
    const policy = {
      ...t.catalog.snapshot().contactPolicy,
      perTouchpoint: { fax: { count: 1, periodDays: 1 } },
    };
    const response = await t.request({ method: 'PUT', url, payload: policy, as: 'planner' });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().issues?.[0]?.field).toMatch(
      /^\/contact-policy\/perTouchpoint/,
    );
  });

  it('replaces and returns the whole snapshot with its version', async () => {
    await createAllFixtures();
    const current = (
      await t.request({ method: 'GET', url: '/api/v1/catalog', as: 'analyst' })
    ).json<{
      version: number;
      snapshot: Record<string, unknown>;
    }>();
    expect(current.version).toBe(catalogCollectionNames.length);
    const response = await t.request({
      method: 'PUT',
      url: '/api/v1/catalog',
      payload: current.snapshot,
      as: 'planner',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ version: number }>().version).toBe(current.version + 1);
  });
});
