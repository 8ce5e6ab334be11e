import { Type, type Static } from '@sinclair/typebox';

/** `GET /healthz`: the process is alive. */
export const HealthBody = Type.Object(
  { status: Type.Literal('ok') },
  { additionalProperties: false },
);
export type HealthBody = Static<typeof HealthBody>;

/** `GET /readyz`: every dependency answered (`checks` names each one and whether it passed). */
export const ReadinessBody = Type.Object(
  {
    status: Type.Union([Type.Literal('ready'), Type.Literal('not-ready')]),
    checks: Type.Record(Type.String(), Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ReadinessBody = Static<typeof ReadinessBody>;
