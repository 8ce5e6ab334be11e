export { startDemo, type DemoOptions, type RunningDemo } from './start-demo';
export { formatDemoBanner, type DemoBanner, type DemoFigures } from './demo-banner';
export { toProfileChange } from './demo-population';
