/**
 * The line a start-up refusal adds when a seal or anchor does not verify: after a change of
 * AUDIT_SEAL_KEY, the usual cause is the previous key missing from AUDIT_SEAL_KEYS_PREVIOUS.
 */
export function sealKeyHint(problems: ReadonlyArray<{ kind: string }>): string[] {
  return problems.some((problem) => problem.kind === 'sceau-invalide')
    ? ['If AUDIT_SEAL_KEY was changed, give the key it replaced in AUDIT_SEAL_KEYS_PREVIOUS (docs/operations.md, "Keys and their rotation").']
    : [];
}
