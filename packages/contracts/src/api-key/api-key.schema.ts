import { Type, type Static } from '@sinclair/typebox';

/**
 * What an API key may do. `admin` may do everything; `planner` edits catalogs and cases,
 * `approver` approves cases, `analyst` reads, `staff` serves customers at a touchpoint (decide,
 * outcomes, streams), `ingest` sends events.
 */
export const apiKeyRoles = ['admin', 'planner', 'approver', 'analyst', 'staff', 'ingest'] as const;

export const ApiKeyRole = Type.Union(apiKeyRoles.map((role) => Type.Literal(role)));
export type ApiKeyRole = Static<typeof ApiKeyRole>;

/** `POST /api/v1/keys` body. */
export const CreateApiKeyRequest = Type.Object(
  {
    role: ApiKeyRole,
    label: Type.String({ minLength: 1, maxLength: 200, description: 'who or what uses the key' }),
  },
  { additionalProperties: false },
);
export type CreateApiKeyRequest = Static<typeof CreateApiKeyRequest>;

/** An API key as listed: never its secret (only a hash is stored). */
export const ApiKeySummary = Type.Object(
  {
    id: Type.String(),
    role: ApiKeyRole,
    label: Type.String(),
    /** Epoch milliseconds. */
    createdAt: Type.Number(),
    revokedAt: Type.Optional(Type.Number()),
  },
  { additionalProperties: false },
);
export type ApiKeySummary = Static<typeof ApiKeySummary>;

/** `POST /api/v1/keys` answer: the secret is shown this once and cannot be recovered later. */
export const CreatedApiKey = Type.Object(
  {
    id: Type.String(),
    role: ApiKeyRole,
    label: Type.String(),
    secret: Type.String({ description: 'shown once; send it as Authorization: Bearer <secret>' }),
  },
  { additionalProperties: false },
);
export type CreatedApiKey = Static<typeof CreatedApiKey>;

/** `GET /api/v1/keys` answer. */
export const ApiKeyList = Type.Object(
  { items: Type.Array(ApiKeySummary) },
  { additionalProperties: false },
);
export type ApiKeyList = Static<typeof ApiKeyList>;

/** Path parameters of routes addressing one key. */
export const ApiKeyParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
export type ApiKeyParams = Static<typeof ApiKeyParams>;
