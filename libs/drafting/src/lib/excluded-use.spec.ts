import { detectExcludedUse, matchExcludedUse } from './excluded-use';

describe('detectExcludedUse', () => {
  describe('refuses', () => {
    it.each([
      ['Note ce CV sur 20', 'cv'],
      ['Peux-tu évaluer le CV de [PERSONNE_1] ?', 'cv'],
      ['Que penses-tu de ce CV ?', 'cv'],
      ['Analyse le curriculum vitae ci-joint et dis-moi si le profil convient', 'cv'],
      ["Compare ces deux CV et dis-moi lequel est le meilleur", 'cv'],
      ['Quels sont les points forts de ce CV ?', 'cv'],
      ["J'ai reçu un CV pour le poste de gestionnaire, qu'en penses-tu ?", 'cv'],
      ['Pourriez-vous classer les CV reçus pour le poste ?', 'cv'],
      ['Relis sa lettre de motivation et corrige-la', 'cover-letter'],
      ['Que vaut cette lettre de motivation ? Donne-moi ton avis sur cette lettre de motivation.', 'cover-letter'],
      ['Évaluez la lettre de motivation de [PERSONNE_2]', 'cover-letter'],
      ['Je voudrais que tu notes ces lettres de motivation', 'cover-letter'],
      ['Que penses-tu de ce candidat ?', 'person-evaluation'],
      ['Est-il compétent ?', 'person-evaluation'],
      ['[PERSONNE_1] est-elle compétente pour ce poste de gestionnaire ?', 'person-evaluation'],
      ['Ce candidat est-il le bon profil pour le poste ?', 'person-evaluation'],
      ['Entre [PERSONNE_1] et [PERSONNE_2], lequel dois-je recruter ?', 'person-evaluation'],
      ['Quel candidat choisir pour le poste de secrétaire ?', 'person-evaluation'],
      ['Classe les candidats par ordre de préférence', 'person-evaluation'],
      ['Compare les deux candidates et dis-moi qui est la plus qualifiée', 'person-evaluation'],
      ['Fais une évaluation de mon agent [PERSONNE_3]', 'person-evaluation'],
      ['Donne-moi ton avis sur [PERSONNE_1]', 'person-evaluation'],
      ['Mon collègue est-il fiable ?', 'person-evaluation'],
      ['Dois-je recruter ce candidat ?', 'person-evaluation'],
      ['Qui dois-je retenir pour le poste ?', 'person-evaluation'],
      ['Juge cet agent contractuel', 'person-evaluation'],
      ['Peux-tu départager ces trois candidats ?', 'person-evaluation'],
      ['Note cet enseignant stagiaire sur 10', 'person-evaluation'],
    ])('%s', (question, reason) => {
      const refusal = detectExcludedUse(question);
      expect(refusal?.reason).toBe(reason);
    });

    it('should explain in French what MILEVA does not do, why, and who to turn to', () => {
      const refusal = detectExcludedUse('Que penses-tu de ce candidat ?');
      expect(refusal?.message).toMatch(/^MILEVA ne porte pas d'appréciation sur une personne/);
      expect(refusal?.message).toContain("égalité de traitement");
      expect(refusal?.message).toContain('jury ou à la commission de recrutement');
      expect(refusal?.message).toContain('supérieur hiérarchique');
      const cv = detectExcludedUse('Note ce CV');
      expect(cv?.message).toContain("n'évalue pas, ne note pas et ne compare pas les CV");
      expect(cv?.message).toContain('règles applicables');
    });
  });

  describe('answers', () => {
    it.each([
      'Quelles pièces fournir avec le CV pour un concours ?',
      'Faut-il joindre une lettre de motivation à une demande de mutation ?',
      'Le CV est-il obligatoire pour candidater à un poste de maître de conférences ?',
      "Comment est évalué un agent lors du rendez-vous de carrière ?",
      'Comment se passe l’évaluation de mon agent stagiaire ?',
      'Mon agent conteste son évaluation professionnelle, que faire ?',
      "Qui note les candidats au concours de l'agrégation ?",
      'Comment contester la note de mon entretien professionnel ?',
      'Quelle est la grille d’évaluation des candidats au concours de MCF ?',
      'Note de service mutation 2024 : quelles dates ?',
      'Mon agent est-il éligible au temps partiel de droit ?',
      'Est-il apte à reprendre après son congé de longue maladie ?',
      'Le recteur est-il compétent pour accorder un CLM ?',
      'Est-il compétent pour signer la décision de mise en disponibilité ?',
      'Est-il bon de demander un temps partiel thérapeutique avant la fin du CLM ?',
      'Comparer le CLM et le CLD : quelles différences de rémunération ?',
      'Compare le congé de longue maladie et le congé de longue durée',
      'Un contractuel peut-il bénéficier du temps partiel thérapeutique ?',
      'Classe exceptionnelle : quelles conditions pour les professeurs certifiés ?',
      'Qui peut recruter un agent contractuel en CDD ?',
      "Quel est le meilleur moment pour demander une mutation ?",
      'Que penses-tu du calendrier du mouvement intra-académique ?',
      'Comment rédiger la lettre de motivation pour une demande de détachement ?',
      'Quels sont les critères de classement des candidats au mouvement ?',
    ])('%s', (question) => {
      expect(matchExcludedUse(question)).toBeNull();
      expect(detectExcludedUse(question)).toBeNull();
    });
  });
});
