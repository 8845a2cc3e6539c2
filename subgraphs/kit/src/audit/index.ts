/**
 * Reading the gateway's audit journal: what both the gateway (verification, purge, resuming
 * the chain) and the journal subgraph (`monJournalDesAcces`) need. Writing stays in the gateway.
 */
export { accessesForUsager, type UsagerAccess } from './accessesForUsager';
export { canonicalJson } from './canonicalJson';
export { genesisHash, type AccesLine, type SceauLine, type AncreLine, type JournalLine, type CheckpointLine, type CheckpointFields } from './JournalLine';
export { parseJournalLine, type ParsedJournalLine } from './parseJournalLine';
export { readJournalLines, type RawJournalLine } from './readJournalLines';
