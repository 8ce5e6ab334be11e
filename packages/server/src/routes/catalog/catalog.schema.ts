import { Type, type Static } from '@sinclair/typebox';
import { CatalogSnapshot } from '@omnitouch/core';

/** `GET /api/v1/catalog`: the whole catalog in force and its version (0 before the first save). */
export const CatalogSnapshotBody = Type.Object(
  { version: Type.Integer({ minimum: 0 }), snapshot: CatalogSnapshot },
  { additionalProperties: false },
);
export type CatalogSnapshotBody = Static<typeof CatalogSnapshotBody>;
