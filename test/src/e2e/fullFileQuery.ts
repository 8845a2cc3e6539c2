/** The full file of one usager across every partner: the README's first example. */
export const fullFileQuery = /* GraphQL */ `
  query DossierComplet($id: ID!) {
    usager(id: $id) {
      id
      identite { nomNaissance nomUsage prenoms sexe dateNaissance lieuNaissance { code libelle estNeALEtranger } }
      caf {
        numeroAllocataire role quotientFamilial
        foyer { nombreAdultes enfants { prenom dateNaissance } }
        rsa { etat codeEtat majore soumisDroitsEtDevoirs montantMensuel dateDebut }
        droits { prestation montantMensuel dateDebut }
        paiementsRecents(limite: 3) { date prestation montant }
      }
      cpam { regime caisse dateDebutDroits c2s { statut dateFin } medecinTraitantDeclare indemnitesJournalieresEnCours }
      carsat { trimestresValides statut dateEffet pensionMensuelle aspa { montantMensuel dateDebut } actionSociale { type heuresMensuelles dateDebut dateFin } }
      logementSocial {
        bailleurs {
          bailleur { code nom }
          rapprochement { statut score criteres explication }
          baux { reference typologie loyer charges solde moisImpayes enImpaye planApurement { mensualite respecte } }
          demandes { numeroUnique statut typologieSouhaitee }
        }
      }
    }
  }
`;
