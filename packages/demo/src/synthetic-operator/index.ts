export { createSeededRandom, deriveSeed, type SeededRandom } from './seeded-random';
export {
  generateOperatorCatalog,
  operatorContactPolicy,
  operatorReferenceTime,
  type OperatorCatalogOptions,
} from './operator-catalog';
export { customerIdAt, generatePopulation, type PopulationOptions } from './operator-population';
export { generateEventStream, type EventStreamOptions } from './operator-event-stream';
export { valueSegments, type ValueSegment } from './operator-attributes';
