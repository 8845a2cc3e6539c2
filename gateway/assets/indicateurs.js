// The indicators page (gateway/src/analystes/indicateursPage.ts): asks the analysts' endpoint for
// the agency's key indicators over twelve months and by commune, and draws them as inline SVG.
// No library, nothing from elsewhere: the page's Content-Security-Policy allows this origin only.
// A suppressed figure (statistical secrecy, docs/statistics.md) is drawn as suppressed, never as 0.
'use strict';
(function () {
  const endpoint = document.body.dataset.endpoint;
  const SVG = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);
  const nombre = new Intl.NumberFormat('fr-FR');
  const libelleSecret = { EFFECTIF_INFERIEUR_AU_SEUIL: 'secret (moins de 11)', SECRET_SECONDAIRE: 'secret (secondaire)' };

  /** The indicators over time: where each is in a month's answer (a table's total). */
  const indicateurs = [
    { titre: 'Foyers au RSA (CAF)', total: (s) => s.caf && s.caf.foyersParPrestation && s.caf.foyersParPrestation.total },
    { titre: "Demandeurs d'emploi (France Travail)", total: (s) => s.franceTravail && s.franceTravail.demandeursEmploi && s.franceTravail.demandeursEmploi.total },
    { titre: 'Baux en impayé (bailleurs sociaux)', total: (s) => s.logementSocial && s.logementSocial.locatairesEnImpaye && s.logementSocial.locatairesEnImpaye.total },
    { titre: "Demandes d'hébergement (SIAO)", total: (s) => s.hebergement && s.hebergement.demandes && s.hebergement.demandes.total },
  ];
  const cellule = 'modalite libelle effectif secret';

  /** The twelve months ending with `dernier` (`YYYY-MM`), oldest first. */
  function douzeMois(dernier) {
    const [annee, mois] = dernier.split('-').map(Number);
    const liste = [];
    for (let i = 11; i >= 0; i -= 1) {
      const d = new Date(Date.UTC(annee, mois - 1 - i, 1));
      liste.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
    }
    return liste;
  }

  /** One operation: a month per alias, and the last month's RSA households by commune. */
  function operation(mois) {
    const variables = Object.fromEntries(mois.map((m, i) => [`m${i}`, m]));
    const parMois = mois
      .map(
        (_m, i) => `  m${i}: statistiques(mois: $m${i}) {
    mois
    caf { foyersParPrestation(par: COMMUNE, prestation: RSA) { total { ${cellule} } } }
    franceTravail { demandeursEmploi(par: CATEGORIE) { total { ${cellule} } } }
    logementSocial { locatairesEnImpaye(par: BAILLEUR) { total { ${cellule} } } }
    hebergement { demandes(par: STATUT) { total { ${cellule} } } }
  }`,
      )
      .join('\n');
    const dernier = `m${mois.length - 1}`;
    const query = `query Indicateurs(${mois.map((_m, i) => `$m${i}: String!`).join(', ')}) {
${parMois}
  communes: statistiques(mois: $${dernier}) {
    caf { foyersParPrestation(par: COMMUNE, prestation: RSA) { dimension filtre { modalite } cellules { ${cellule} } total { ${cellule} } dateReference } }
  }
}`;
    return { query, variables, operationName: 'Indicateurs' };
  }

  function enTetes(accept) {
    return { 'content-type': 'application/json', accept, authorization: `Bearer ${$('jeton').value.trim()}`, 'x-passerelle-finalite': 'statistique' };
  }

  function el(tag, attributes, parent, texte) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    if (texte !== undefined) node.textContent = texte;
    if (parent) parent.appendChild(node);
    return node;
  }

  function figure(titre, largeur, hauteur) {
    const section = document.createElement('section');
    section.className = 'graphique';
    const h2 = document.createElement('h2');
    h2.textContent = titre;
    section.appendChild(h2);
    const svg = el('svg', { viewBox: `0 0 ${largeur} ${hauteur}`, width: largeur, height: hauteur, role: 'img', 'aria-label': titre });
    section.appendChild(svg);
    $('graphiques').appendChild(section);
    return svg;
  }

  /** Bars by month; a suppressed month is a hatched bar labelled as secret, never a bar of 0. */
  function parMois(titre, points) {
    const largeur = 640;
    const hauteur = 240;
    const bas = 200;
    const svg = figure(titre, largeur, hauteur);
    const publies = points.filter((p) => p.cellule && p.cellule.effectif !== null);
    const max = Math.max(1, ...publies.map((p) => p.cellule.effectif));
    const pas = (largeur - 20) / points.length;
    el('line', { x1: 10, y1: bas, x2: largeur - 10, y2: bas, class: 'axe' }, svg);
    points.forEach((p, i) => {
      const x = 10 + i * pas + 4;
      const w = pas - 8;
      el('text', { x: x + w / 2, y: bas + 16, class: 'mois' }, svg, p.mois.slice(2));
      if (!p.cellule) {
        el('text', { x: x + w / 2, y: bas - 6, class: 'absent' }, svg, 'n.d.');
      } else if (p.cellule.effectif === null) {
        const barre = el('rect', { x, y: 40, width: w, height: bas - 40, class: 'barre-secret' }, svg);
        el('title', {}, barre, `${p.mois} : ${libelleSecret[p.cellule.secret] || 'secret'}`);
        el('text', { x: x + w / 2, y: bas - 8, class: 'secret' }, svg, 's');
      } else {
        const h = Math.max(1, ((bas - 40) * p.cellule.effectif) / max);
        const barre = el('rect', { x, y: bas - h, width: w, height: h, class: 'barre' }, svg);
        el('title', {}, barre, `${p.mois} : ${nombre.format(p.cellule.effectif)}`);
        el('text', { x: x + w / 2, y: bas - h - 4, class: 'valeur' }, svg, nombre.format(p.cellule.effectif));
      }
    });
  }

  /** Horizontal bars by commune; a suppressed commune says so in place of its bar. */
  function parCommune(titre, cellules) {
    const largeur = 640;
    const ligne = 24;
    const svg = figure(titre, largeur, cellules.length * ligne + 10);
    const max = Math.max(1, ...cellules.filter((c) => c.effectif !== null).map((c) => c.effectif));
    cellules.forEach((c, i) => {
      const y = 5 + i * ligne;
      el('text', { x: 200, y: y + 16, class: 'commune' }, svg, c.libelle);
      if (c.effectif === null) {
        el('text', { x: 210, y: y + 16, class: 'secret secret-commune' }, svg, libelleSecret[c.secret] || 'secret');
      } else {
        const w = Math.max(1, (360 * c.effectif) / max);
        el('rect', { x: 210, y: y + 4, width: w, height: ligne - 8, class: 'barre' }, svg);
        el('text', { x: 214 + w, y: y + 16, class: 'valeur-commune' }, svg, nombre.format(c.effectif));
      }
    });
  }

  function erreur(message) {
    $('etat').textContent = message;
    $('etat').className = 'erreur';
  }

  async function afficher(event) {
    event.preventDefault();
    const mois = douzeMois($('dernier-mois').value);
    $('graphiques').replaceChildren();
    $('etat').className = '';
    $('etat').textContent = 'Chargement…';
    let reponse;
    try {
      const r = await fetch(endpoint, { method: 'POST', headers: enTetes('application/json'), body: JSON.stringify(operation(mois)) });
      reponse = await r.json();
    } catch (e) {
      return erreur(`La passerelle ne répond pas (${e.message}).`);
    }
    if (!reponse.data) {
      const e = (reponse.errors || [])[0] || {};
      return erreur(`${(e.extensions && e.extensions.code) || 'ERREUR'} : ${e.message || 'réponse vide'}`);
    }
    const donnees = reponse.data;
    for (const indicateur of indicateurs) {
      parMois(
        indicateur.titre,
        mois.map((m, i) => ({ mois: m, cellule: donnees[`m${i}`] ? indicateur.total(donnees[`m${i}`]) || null : null })),
      );
    }
    const communes = donnees.communes && donnees.communes.caf && donnees.communes.caf.foyersParPrestation;
    if (communes) parCommune(`Foyers au RSA par commune, ${mois[mois.length - 1]}`, communes.cellules);
    const problemes = (reponse.errors || []).length;
    $('etat').textContent = `Indicateurs de ${mois[0]} à ${mois[mois.length - 1]}${problemes > 0 ? ` — ${problemes} partenaire(s) sans réponse : n.d.` : ''}.`;
  }

  /** The same operation as CSV (`Accept: text/csv`), saved as a file. */
  async function exporter() {
    const mois = douzeMois($('dernier-mois').value);
    const r = await fetch(endpoint, { method: 'POST', headers: enTetes('text/csv'), body: JSON.stringify(operation(mois)) });
    if (!(r.headers.get('content-type') || '').startsWith('text/csv')) {
      const e = ((await r.json()).errors || [])[0] || {};
      return erreur(`${(e.extensions && e.extensions.code) || 'ERREUR'} : ${e.message || 'pas de CSV'}`);
    }
    const lien = document.createElement('a');
    lien.href = URL.createObjectURL(await r.blob());
    lien.download = `indicateurs-${mois[mois.length - 1]}.csv`;
    lien.click();
    URL.revokeObjectURL(lien.href);
  }

  const maintenant = new Date();
  const precedent = new Date(Date.UTC(maintenant.getUTCFullYear(), maintenant.getUTCMonth() - 1, 1));
  $('dernier-mois').value = `${precedent.getUTCFullYear()}-${String(precedent.getUTCMonth() + 1).padStart(2, '0')}`;
  $('formulaire').addEventListener('submit', (event) => void afficher(event));
  $('csv').addEventListener('click', () => void exporter());
})();
