import {
  arbitrateOffers,
  createPropensityTable,
  type CompiledCase,
  type Touchpoint,
} from '@omnitouch/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitrateRoutes } from './arbitrate-routes';
import type { EngineState } from './engine-state';
import type { Trace } from './trace';

interface RouteSpec {
  readonly caseId: string;
  readonly touchpointId: string;
  readonly value: number;
  readonly priority: number;
  readonly contextWeight: number | undefined;
}

/** A route with only what arbitration reads: the case's id, value and priority, the touchpoint. */
function routeOf(spec: RouteSpec): { compiled: CompiledCase; touchpoint: Touchpoint } {
  const definition = { id: spec.caseId, value: spec.value, priority: spec.priority };
  const touchpoint = { id: spec.touchpointId, contextWeight: spec.contextWeight };
  return {
    compiled: { definition } as unknown as CompiledCase,
    touchpoint: touchpoint as unknown as Touchpoint,
  };
}

/** The slice of engine state arbitration uses; `capacity` tokens per touchpoint, taken when asked. */
function stateWith(capacity: Record<string, number>, asked: string[]): EngineState {
  const tokens = new Map(Object.entries(capacity));
  const state = {
    propensities: createPropensityTable({ alpha: 1, beta: 1 }),
    ranking: { scores: new Float64Array(1), order: new Uint32Array(1), picked: new Uint32Array(1) },
    arbitration: {
      perTouchpointLimit: 1,
      hasCapacity(touchpointId: string): boolean {
        asked.push(touchpointId);
        const left = tokens.get(touchpointId) ?? 0;
        tokens.set(touchpointId, left - 1);
        return left > 0;
      },
    },
  };
  return state as unknown as EngineState;
}

const touchpointIds = ['sms', 'app', 'store'] as const;

const routeSpecs = fc.uniqueArray(
  fc.record({
    caseId: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6'),
    touchpointId: fc.constantFrom(...touchpointIds),
    value: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(Number.NaN)),
    priority: fc.integer({ min: 0, max: 3 }),
    contextWeight: fc.option(fc.constantFrom(0.5, 1, 2), { nil: undefined }),
  }),
  { selector: (spec) => spec.caseId, minLength: 1, maxLength: 6 },
);

describe(arbitrateRoutes.name, () => {
  it('chooses, scores, traces and asks for capacity exactly as arbitrateOffers', () => {
    fc.assert(
      fc.property(
        routeSpecs,
        fc.integer({ min: 0, max: 3 }),
        fc.record({ sms: fc.nat(3), app: fc.nat(3), store: fc.nat(3) }),
        (specs, limit, capacity) => {
          const routes = specs.map(routeOf);
          const askedByRoutes: string[] = [];
          const trace: Trace = [];
          const chosen = arbitrateRoutes(stateWith(capacity, askedByRoutes), routes, limit, trace);

          const askedByCore: string[] = [];
          const core = stateWith(capacity, askedByCore);
          const expected = arbitrateOffers(
            specs.map((spec) => ({
              caseId: spec.caseId,
              touchpointId: spec.touchpointId,
              propensity: 0.5,
              value: spec.value,
              contextWeight: spec.contextWeight ?? 1,
              lever: spec.priority,
            })),
            { perTouchpointLimit: limit, hasCapacity: (id) => core.arbitration.hasCapacity(id) },
          );
          expect(chosen.map(({ route, score }) => [route.compiled.definition.id, score])).toEqual(
            expected.chosen.map((c) => [c.caseId, c.score]),
          );
          expect(trace).toEqual(
            expected.rejected.map(({ candidate, reason }) => ({
              caseId: candidate.caseId,
              reason,
              touchpointId: candidate.touchpointId,
              detail: { score: candidate.score },
            })),
          );
          expect(askedByRoutes).toEqual(askedByCore);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('chooses a single route when its touchpoint has a slot and capacity', () => {
    const route = routeOf({
      caseId: 'c1',
      touchpointId: 'sms',
      value: 10,
      priority: 2,
      contextWeight: undefined,
    });
    expect(arbitrateRoutes(stateWith({ sms: 1 }, []), [route], 1, undefined)).toEqual([
      { route, score: 10 },
    ]);
    expect(arbitrateRoutes(stateWith({ sms: 0 }, []), [route], 1, undefined)).toEqual([]);
  });
});
