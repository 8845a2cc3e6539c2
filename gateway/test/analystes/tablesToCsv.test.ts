import { csvField, tablesToCsv, type Json } from '../../src/analystes/tablesToCsv';

describe('tablesToCsv', () => {
  const table = (cellules: Json[], total: Json): Json => ({ dimension: 'COMMUNE', filtre: { modalite: 'RSA' }, cellules, total, dateReference: '2026-10-31' });

  it('writes one row per cell then the total, per table named by its path, with CRLF and a header', () => {
    const data = {
      statistiques: {
        caf: {
          rsa: table(
            [
              { modalite: '12202', libelle: 'Rodez', effectif: 258, montant: 73000.5, secret: null },
              { modalite: '12241', libelle: 'Sainte-Radegonde', effectif: null, montant: null, secret: 'EFFECTIF_INFERIEUR_AU_SEUIL' },
            ],
            { modalite: 'TOTAL', libelle: 'Total', effectif: 624, montant: 177816.85, secret: null },
          ),
        },
        hebergement: { demandes: { dimension: 'STATUT', filtre: null, cellules: [{ modalite: 'EN_ATTENTE', effectif: null, secret: 'SECRET_SECONDAIRE' }] } },
      },
    };
    expect(tablesToCsv(data)).toBe(
      [
        'tableau,dimension,filtre,modalite,libelle,effectif,montant,montantMoyen,secret,dateReference',
        'statistiques.caf.rsa,COMMUNE,RSA,12202,Rodez,258,73000.5,,,2026-10-31',
        'statistiques.caf.rsa,COMMUNE,RSA,12241,Sainte-Radegonde,,,,EFFECTIF_INFERIEUR_AU_SEUIL,2026-10-31',
        'statistiques.caf.rsa,COMMUNE,RSA,TOTAL,Total,624,177816.85,,,2026-10-31',
        'statistiques.hebergement.demandes,STATUT,,EN_ATTENTE,,,,,SECRET_SECONDAIRE,',
        '',
      ].join('\r\n'),
    );
  });

  it('quotes per RFC 4180: commas, quotes and line breaks', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\r\nlines', 0, null].map(csvField)).toEqual(['plain', '"a,b"', '"say ""hi"""', '"two\r\nlines"', '0', '']);
  });

  it('is null for a result without any table', () => {
    expect(tablesToCsv({ lieuxAccueil: [{ nom: 'MDS Rodez' }] })).toBeNull();
    expect(tablesToCsv(null)).toBeNull();
  });
});
