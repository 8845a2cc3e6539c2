import type { PartnerNames } from '../partnerNames';

/**
 * The new subgraph's SDL: the partner declaration of schema/PARTENAIRES.md (schema-level
 * `@partenaire` with code and label), `Usager.<camel>` marked `@partenaire(code:)`, and the
 * classification directives of schema/AUTHORIZATION.md: `presence:<code>` on the field,
 * `donnees-partenaire:<code>` on every field of the file.
 */
export function schemaGraphql(n: PartnerNames): string {
  const presence = `@requiresScopes(scopes: [["role:accueil"], ["role:referent"], ["role:agent", "partenaire:${n.code}"], ["role:usager"]])`;
  const donnees = `@requiresScopes(scopes: [["role:referent"], ["role:agent", "partenaire:${n.code}"], ["role:usager"]])`;
  return `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@inaccessible", "@requiresScopes", "@policy", "@composeDirective"])
  @link(url: "https://passerelle.aveyron.fr/partenaire/v0.1", import: ["@partenaire"])
  @composeDirective(name: "@partenaire")
  @partenaire(code: "${n.code}", libelle: ${JSON.stringify(n.libelle)})

"Passerelle's partner declaration. On the schema: the partner this subgraph speaks for (exactly one per subgraph). On a field of \`Usager\`: that field carries this partner's data (a usager's objection to the partner withholds it)."
directive @partenaire(
  "The partner's code: lower-case letters, digits and hyphens (\`caf\`, \`france-travail\`), as in scopes \`partenaire:<code>\`."
  code: String!
  "The partner's name for people, on the schema declaration."
  libelle: String
  "Whether a usager may object to this partner's data being shared (false for the agency's own infrastructure: identite, accueil, journal)."
  opposable: Boolean = true
) repeatable on SCHEMA | FIELD_DEFINITION

"A person helped by the agency. Partners join their data on the NIR, which clients never see."
type Usager @key(fields: "nir") {
  "Social security number: the join key between partners. Never exposed to clients."
  nir: String! @inaccessible
  "The person's file at ${n.libelle}; null when the partner holds no file for the person."
  ${n.camel}: Dossier${n.pascal} @partenaire(code: "${n.code}") ${presence}
}

"A person's file at ${n.libelle}."
type Dossier${n.pascal} {
  "File number at ${n.libelle} (\`${n.numberPrefix}-\` and six digits)."
  numeroDossier: String! ${donnees}
  "Where the file stands."
  statut: StatutDossier${n.pascal}! ${donnees}
  "When the file was opened, ISO \`YYYY-MM-DD\`."
  dateOuverture: String! ${donnees}
  "When the partner last changed the file, ISO \`YYYY-MM-DD\`."
  dateMiseAJour: String! ${donnees}
  "The partner's office following the person (a commune's name)."
  antenne: String! ${donnees}
}

"State of a file at ${n.libelle}."
enum StatutDossier${n.pascal} {
  "The person is being followed."
  OUVERT
  "Follow-up paused (the person is away, or the partner waits for a document)."
  SUSPENDU
  "Follow-up ended; the file is kept for its retention period."
  CLOS
}
`;
}
