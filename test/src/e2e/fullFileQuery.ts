/** The full file of one usager across every partner: the first example of docs/examples.md, extended to every field a référent reads. */
export const usagerFileFields = /* GraphQL */ `
      id
      identite { nomNaissance nomUsage prenoms sexe dateNaissance lieuNaissance { code libelle estNeALEtranger } }
      caf {
        numeroAllocataire role quotientFamilial
        foyer { nombreAdultes enfants { prenom dateNaissance } }
        rsa { etat codeEtat majore soumisDroitsEtDevoirs montantMensuel dateDebut }
        droits { prestation montantMensuel dateDebut }
        paiementsRecents(limite: 3) { date prestation montant }
      }
      msa {
        numeroAdherent qualite
        prestationsFamiliales { role quotientFamilial droits { prestation montantMensuel } rsa { etat montantMensuel } }
        couvertureSante { c2s { statut dateFin } medecinTraitantDeclare }
        retraite { statut pensionMensuelle }
      }
      franceTravail {
        identifiant
        inscription { categorie dateInscription }
        indemnisation { allocation montantJournalier dateFinDroits }
        paiementsRecents(limite: 3) { date allocation montant }
        conseiller { agence }
        diagnostic { contraintes besoins }
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
      hebergement { demandeEnCours { reference type statut orientation { dispositif structure date } } demandes { reference statut } rapprochement { statut } }
      rsa { etat payeur soumisDroitsEtDevoirs orientation { type organisme } }
      referentDeParcours { referent { id structure } depuis }
      dossierPartage { objectifs { theme statut actions { statut } } contratEngagement { dateDebut dateFin } }
      synthese { droitsOuverts { droit partenaire montantMensuel } alertes { type partenaire } }
      presencePartenaires { caf msa franceTravail cpam carsat siao bailleurs region chambresConsulaires }
`;

export const fullFileQuery = /* GraphQL */ `
  query DossierComplet($id: ID!) {
    usager(id: $id) {${usagerFileFields}    }
  }
`;
