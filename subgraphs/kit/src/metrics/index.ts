export { kitRegistry, registerLegacySystem, type LegacySystemProbe } from './kitMetrics';
export { kitMetricNames, type KitMetricName } from './kitMetricNames';
export { metricsRoute } from './metricsRoute';
export { boundedLabel, otherLabel } from './boundedLabel';
