import os from 'node:os';

/**
 * Gives the simulator's process the scheduling priority `nice` (−20…0; 0, the default, is Node's
 * and every other process's) and says what was applied: `--simulator-nice`, an experiment on
 * where one client's time goes. The simulated legacy systems stand for the partners' own
 * machines, but here a call can wait for a core behind the subgraphs and the gateway under test
 * before the simulator sees it (docs/performance.md, "One client"). Raising a priority needs the
 * privilege to (CAP_SYS_NICE, or root); without it the run goes on at the default and says so.
 */
export function prioritizeSimulator(pid: number, nice: number): { nice: number; refused?: string } {
  try {
    os.setPriority(pid, nice);
    return { nice };
  } catch (error) {
    let current = 0;
    try {
      current = os.getPriority(pid);
    } catch {
      // The process is gone: it runs at nothing, and the refusal says why.
    }
    return { nice: current, refused: error instanceof Error ? error.message : String(error) };
  }
}
