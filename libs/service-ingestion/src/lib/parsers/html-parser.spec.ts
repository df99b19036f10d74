import { parseDocument } from './index';

const PAGE = `<!DOCTYPE html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <title>Congé de formation professionnelle | education.gouv.fr</title>
  <meta name="dcterms.modified" content="2025-02-11">
  <meta name="DC.subject" content="Formation des personnels">
  <link rel="canonical" href="https://www.education.gouv.fr/conge-de-formation">
  <style>body { color: red }</style>
  <script>window.tracker = "ne pas lire";</script>
</head>
<body>
  <header><a href="/">Accueil</a> <nav><ul><li>Menu</li><li>Recherche</li></ul></nav></header>
  <nav aria-label="fil d'Ariane">Accueil &gt; Personnels</nav>
  <main>
    <h1>Congé de formation   professionnelle</h1>
    <p>Le congé permet de suivre une <strong>formation</strong> longue,<br>à l’initiative de l’agent.</p>
    <div>Texte directement dans un bloc.<p>Puis un paragraphe imbriqué.</p></div>
    <h2>Conditions</h2>
    <ul>
      <li>Avoir accompli <em>3 ans</em> de services
        <ul><li>effectifs,</li><li>à temps plein ;</li></ul>
      </li>
      <li>Présenter une demande.</li>
    </ul>
    <ol><li>Dépôt</li><li>Avis</li></ol>
    <table>
      <thead><tr><th>Durée</th><th>Indemnité</th></tr></thead>
      <tbody>
        <tr><td>12 premiers mois</td><td>85 % du traitement</td></tr>
        <tr><td>Au-delà</td><td></td></tr>
      </tbody>
    </table>
    <table><tr><td>Cellule</td><td>sans</td></tr><tr><td>en-tête</td><td>ici</td></tr></table>
    <p>Article 2 : Le présent arrêté sera publié.</p>
    <aside>Voir aussi : autres congés</aside>
  </main>
  <footer>Mentions légales</footer>
</body>
</html>`;

describe('parseDocument (HTML)', () => {
  it('should keep the page content and drop scripts, styles, navigation, header, footer and asides', async () => {
    const document = await parseDocument({ bytes: new Uint8Array(Buffer.from(PAGE)), fileName: 'conge.html' });
    expect(document.title).toBe('Congé de formation professionnelle | education.gouv.fr');
    expect(document.format).toBe('html');
    expect(document.mimeType).toBe('text/html');
    expect(document.metadata).toEqual({
      modifiedAt: '2025-02-11',
      sourceUrl: 'https://www.education.gouv.fr/conge-de-formation',
      subject: 'Formation des personnels',
    });
    expect(document.blocks).toEqual([
      { kind: 'heading', text: 'Congé de formation professionnelle', level: 1 },
      { kind: 'paragraph', text: 'Le congé permet de suivre une formation longue,\nà l’initiative de l’agent.' },
      { kind: 'paragraph', text: 'Texte directement dans un bloc.' },
      { kind: 'paragraph', text: 'Puis un paragraphe imbriqué.' },
      { kind: 'heading', text: 'Conditions', level: 2 },
      { kind: 'list', text: '- Avoir accompli 3 ans de services\n  - effectifs,\n  - à temps plein ;\n- Présenter une demande.' },
      { kind: 'list', text: '- 1. Dépôt\n- 2. Avis' },
      { kind: 'table', text: 'Durée: 12 premiers mois ; Indemnité: 85 % du traitement\nDurée: Au-delà' },
      { kind: 'table', text: 'Cellule | sans\nen-tête | ici' },
      { kind: 'heading', text: 'Article 2', level: 3 },
      { kind: 'paragraph', text: 'Le présent arrêté sera publié.' },
    ]);
  });

  it('should accept .htm and read a fragment without html or body', async () => {
    const document = await parseDocument({ bytes: new Uint8Array(Buffer.from('<p>Seul paragraphe</p>')), fileName: 'fragment.htm' });
    expect(document.blocks).toEqual([{ kind: 'paragraph', text: 'Seul paragraphe' }]);
    expect(document.title).toBe('Fragment');
  });

  it('should refuse a page with nothing but chrome as EMPTY_FILE', async () => {
    await expect(parseDocument({ bytes: new Uint8Array(Buffer.from('<nav>Menu</nav><footer>Pied</footer>')), fileName: 'vide.html' })).rejects.toMatchObject({
      code: 'EMPTY_FILE',
    });
  });
});
