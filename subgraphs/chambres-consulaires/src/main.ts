import { runSubgraph } from '@passerelle/subgraph-kit';
import { subgraph } from './index';

runSubgraph(subgraph);
