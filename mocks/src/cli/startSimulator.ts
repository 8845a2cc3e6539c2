import { createLogger, readConfigOrExit } from '@passerelle/subgraph-kit';
import { createPopulation } from '../population/createPopulation';
import { createSimulatorServer } from '../server/createSimulatorServer';
import { simulatorEnv } from '../server/simulatorConfig';

/** `npm run simulator`: the partners' legacy systems alone, on SIMULATEUR_PORT. */
const config = readConfigOrExit(simulatorEnv);
const logger = createLogger('simulateur', config.logLevel);
const population = createPopulation({ size: config.populationSize, seed: config.populationSeed });
void createSimulatorServer({
  port: config.port,
  host: config.host,
  population,
  defaults: { latencyMs: config.latencyMs, jitterMs: config.jitterMs, errorRate: config.errorRate },
  down: config.down,
  logger,
}).then((simulator) => {
  const stop = () => void simulator.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
