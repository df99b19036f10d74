import { HashedNgramEmbedder } from '@mileva/embeddings';
import { clusterByMeaning } from './question-clusters';

describe(clusterByMeaning.name, () => {
  const embedder = new HashedNgramEmbedder(512);

  it('should group questions that say the same thing and keep apart those that do not', async () => {
    const questions = [
      'Quelle est la durée maximale du congé de longue maladie pour un enseignant stagiaire ?',
      'Comment calculer les points de mutation pour un rapprochement de conjoint pacsé ?',
      'Un professeur stagiaire en congé de longue maladie : quelle durée maximale ?',
      'Mutation inter-académique : bonification pour rapprochement de conjoints pacsés',
      'Quelles sont les règles du compte épargne-temps pour les AESH ?',
      'Durée maximale du congé de longue maladie pour un stagiaire',
    ];
    const vectors = await embedder.embed(questions, 'query');
    const clusters = clusterByMeaning(
      questions.map((question, index) => ({ item: question, vector: vectors[index] })),
      0.35,
    );
    expect(clusters.map((cluster) => [...cluster.members].sort())).toEqual([
      [questions[0], questions[5], questions[2]].sort(),
      [questions[1], questions[3]].sort(),
      [questions[4]],
    ]);
    expect(clusters[0].members).toContain(clusters[0].representative);
  });

  it('should give the same groups whatever the order of arrival of paraphrases', async () => {
    const questions = ['congé de longue maladie durée', 'durée du congé de longue maladie', 'mutation conjoint pacsé points', 'points de mutation conjoint pacsé'];
    const vectors = await embedder.embed(questions, 'query');
    const items = questions.map((question, index) => ({ item: question, vector: vectors[index] }));
    const groups = (order: typeof items) => clusterByMeaning(order, 0.35).map((cluster) => [...cluster.members].sort()).sort();
    expect(groups([...items].reverse())).toEqual(groups(items));
  });

  it('should leave out a text with nothing to embed', async () => {
    const [empty, question] = await embedder.embed(['', 'durée du congé parental'], 'query');
    expect(clusterByMeaning([{ item: 'vide', vector: empty }, { item: 'congé', vector: question }], 0.35).map((cluster) => cluster.members)).toEqual([['congé']]);
  });
});
