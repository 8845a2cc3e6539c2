/** The columns of the CSV export, one row per cell of each table (docs/statistics.md, "CSV"). */
export const csvColumns = ['tableau', 'dimension', 'filtre', 'modalite', 'libelle', 'effectif', 'montant', 'montantMoyen', 'secret', 'dateReference'] as const;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A `TableauStatistique` in a result: an object with a list of cells. */
const isTable = (value: JsonObject) => Array.isArray(value.cellules);

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(value: Json | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every table of a result with its path of response keys (aliases included), in the answer's order. */
function tablesOf(value: Json | undefined, path: string[], found: Array<[string, JsonObject]>): void {
  if (Array.isArray(value)) value.forEach((item, index) => tablesOf(item, [...path, String(index)], found));
  else if (isObject(value)) {
    if (isTable(value)) found.push([path.join('.'), value]);
    else for (const [key, child] of Object.entries(value)) tablesOf(child, [...path, key], found);
  }
}

/**
 * The tables of an aggregate query's result as one CSV document (RFC 4180: CRLF, a header line):
 * one row per cell, then the total, each named by its table's path (`statistiques.caf.foyersParPrestation`,
 * or the aliases the query chose), so that several tables of one query stay apart. A suppressed
 * cell has its figures empty, never 0, and its reason in `secret`. Columns the query did not
 * select are empty. Returns null when the result holds no table.
 */
export function tablesToCsv(data: Json | undefined): string | null {
  const tables: Array<[string, JsonObject]> = [];
  tablesOf(data, [], tables);
  if (tables.length === 0) return null;
  const rows: string[] = [csvColumns.join(',')];
  for (const [path, table] of tables) {
    const filtre = isObject(table.filtre) ? table.filtre.modalite : null;
    const cells = [...(table.cellules as Json[]), ...(isObject(table.total) ? [table.total] : [])].filter(isObject);
    for (const cell of cells) {
      const row: Record<(typeof csvColumns)[number], Json | undefined> = {
        tableau: path,
        dimension: table.dimension,
        filtre,
        modalite: cell.modalite,
        libelle: cell.libelle,
        effectif: cell.effectif,
        montant: cell.montant,
        montantMoyen: cell.montantMoyen,
        secret: cell.secret,
        dateReference: table.dateReference,
      };
      rows.push(csvColumns.map((column) => csvField(row[column])).join(','));
    }
  }
  return rows.join('\r\n') + '\r\n';
}
