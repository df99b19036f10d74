import { foldName } from './fold';

/*
 * Common first names given in France from the 1940s to today, across the origins of the people who
 * work in the Education nationale (French and regional, Maghreb, West and Central Africa, Portugal and
 * Spain, Italy, Vietnam and Asia, Turkey, the Caribbean…). Compound first names (Jean-Marc,
 * Marie-Claire) are recognised part by part. Names that are above all common words or places
 * ("France", "Avril") are left out: context finds them.
 */
const FEMALE = `
Adèle Adeline Adrienne Agathe Agnès Aïcha Aïda Aline Alexandra Alexia Alice Alicia Aline Alison Alix
Amandine Amélie Amina Aminata Amira Anaïs Anastasia Andrea Andrée Angela Angèle Angélique Anissa Anna
Annabelle Anne Annick Annie Antoinette Apolline Ariane Arlette Armelle Assia Assa Astrid Audrey Aurélie
Aurore Awa Axelle Aya Aziza Béatrice Bénédicte Bérénice Bernadette Bertille Binta Blanche Brigitte Camille
Capucine Carine Carla Carole Caroline Catherine Cécile Céline Chantal Charlène Charlotte Chloé Christelle
Christiane Christine Cindy Claire Clara Clarisse Claude Claudine Clémence Clémentine Coline Colette
Coralie Corinne Coumba Cynthia Dalila Danielle Delphine Denise Diane Djamila Dominique Dorothée Edith
Édith Eléonore Éléonore Elise Élise Elisabeth Élisabeth Ella Elodie Élodie Eloïse Elsa Emilie Émilie
Emma Emmanuelle Estelle Esther Eva Ève Evelyne Évelyne Fabienne Fadila Fanny Farida Fatiha Fatima
Fatimata Fatou Fatoumata Florence Francine Françoise Frédérique Gabrielle Gaëlle Geneviève Georgette
Germaine Ghislaine Gisèle Gwenaëlle Gwendoline Habiba Hafsa Hawa Hélène Henriette Hind Hoa Huguette
Huong Ibtissem Inès Ingrid Irène Isabelle Jacqueline Jade Janine Jeanne Jeannine Jessica Joëlle
Josiane Joséphine Judith Julia Julie Juliette Justine Kadiatou Kahina Karima Karine Katia Khadidja
Khadija Lætitia Laetitia Laura Laure Laurence Léa Leila Leïla Léna Léonie Liliane Lina Linda Linh Lisa
Louise Lucie Lucienne Ludivine Lydia Lydie Madeleine Magali Maëlle Maëva Maïwenn Malika Manon Marceline
Margaux Margot Marguerite Maria Mariama Marianne Marie Marina Marine Marion Marlène Marthe Martine
Maryam Maryse Mathilde Maud Maude Mélanie Mélissa Mélodie Michèle Micheline Mireille Monique Morgane
Mounia Myriam Nadège Nadia Nadine Naïma Najat Nathalie Ndeye Nelly Nicole Nina Noémie Nolwenn Nora
Nour Nourredine Océane Odette Odile Olga Olivia Ophélie Oumou Pascale Patricia Paula Paule Paulette
Pauline Perrine Phuong Rachel Rachida Raymonde Rebecca Régine Renée Rita Rokia Romane Rosa Rosalie
Rose Rosine Roxane Sabine Sabrina Safia Salima Salomé Samia Samira Sandra Sandrine Sara Sarah
Séverine Sihem Simone Soazig Sofia Sonia Sophie Soraya Stéphanie Suzanne Sylvie Sylviane Tatiana
Thérèse Thi Thu Thuy Tiphaine Trang Valentine Valérie Vanessa Véronique Victoria Violette Virginie
Viviane Wafa Wendy Yamina Yasmina Yasmine Yolande Yvette Yvonne Zahra Zeynep Zineb Zoé Zohra Elif
Ayşe Ayse Emine Fatma Hatice Meryem Jiayi Mei Ling Yan Xin Hui Lan Mai Ngoc Hanh Hang Nhung Yen
Kenza Lilou Louna Lou Lola Nolwenn Klervi Enora Rozenn Morgane Katell Bleuenn Mariana Beatriz Ana Inês
Joana Catarina Filipa Mariana Conceição Graça Fernanda Lucia Giulia Francesca Chiara Elena Carmen
Dolores Pilar Mercedes Isabel Consuelo Rocio Nadira Dounia Imane Sanaa Hajar Loubna Hanane Siham
Oumaima Nawel Sonia Lamia Mélina Anouk Faustine Albane Ambre Anaëlle Clélia Éva Gaëtane Héloïse Jeanine
Laurie Léane Lilou Loane Lou-Anne Louane Lucille Maelys Maëlys Mathilda Maylis Nadia Rachida Sylvaine
Tassadit Djenaba Adja Néné Kadidia Mame Astou Khady Ramatoulaye Rokhaya Salimata Bintou Oumy Ndèye
Ginette Josette Lucette Nicolle Pierrette Yveline Chrystelle Christèle Gaëlla Murielle Muriel
`;

const MORE_FEMALE = `
Adélaïde Alexandrine Alizée Amal Angelina Annaëlle Asma Ayla Bahia Baya Bérengère Bettina Camélia
Cassandra Cécilia Céleste Charline Clothilde Constance Cyrielle Daphné Deborah Déborah Djénéba Dora Éléa
Eléa Eléna Eliane Éliane Eline Elisa Élisa Emeline Émeline Enola Eugénie Eulalie Fabiola Flora Flore
Garance Hortense Ilona Inaya Isaure Jasmine Jennifer Jocelyne Joy Julianne Kelly Lara Laurine Léana
Léonore Lilia Lily Lise Lorène Louisa Luna Lucile Maëla Maëline Mahault Maïa Maïlys Malou Manel
Marie-Laure Marjorie Marylène Maureen Maya Mégane Mia Mila Naomi Naomie Nawal Noëlle Noor Ornella
Paloma Pascaline Perle Prisca Priscilla Rébecca Rim Romy Ruth Samantha Sana Sarra Selma Servane
Sixtine Solange Solène Soline Stella Tamara Tania Tessa Thaïs Vanina Victoire Yaël Yael Yaëlle Ysaline
Zélie Agathe Aliénor Bérangère Claudia Doriane Eloïse Gisèle Héléna Jeannette Laëtitia Lorie Lysiane
Mireille Nadia Nathalie Noëmie Océane Pénélope Raphaëlle Sabine Ségolène Suzy Sylvette Viviane Yolène
`;

const MORE_MALE = `
Abdallah Abdelaziz Abdelhak Achraf Adil Adrian Ahmad Albin Aldo Alessandro Allan Amir Anas Andy Angelo
Aristide Aubin Ayman Aymen Barthélemy Basile Boris Brice Calvin Célestin César Charly Clovis Colin
Constant Cyprien Dany Dimitri Dorian Driss Edgard Edwin Elouan Éloi Eloi Emeric Émeric Emilien Émilien
Erick Esteban Ewen Fabio Fabian Faouzi Faustin Firmin Florentin Fred Gérôme Gildas Guénolé Gwendal
Hadrien Harold Harry Hedi Hélios Ilian Ilies Isaac Issam Jacky Jimmy Joris Josselin Judicaël Kais
Kamal Kenzo Laurian Lazare Lilian Lino Loan Lorenzo Loup Lyes Mael Maëlan Mahdi Marceau Marin Marvin
Maximilien Mathys Médéric Milo Naël Nahel Nathanaël Olivier Owen Pablo Philibert Pol Rayane Riad Ruben
Salomon Sandro Saad Séverin Siméon Soufiane Stan Sylvère Teddy Théophile Titouan Tobias Ulysse Vadim
Valéry Wassim Willy Yoann Yohann Younès Yvon Zacharie Ziad Alexandre Bertrand Cédric Christophe
Dominique Félicien Gabin Gaëtan Guilhem Hervé Jean-Christophe Jean-François Jean-Luc Jean-Michel
Jean-Philippe Jean-Pierre Jean-Yves Jordan Kylian Léandre Lucien Maxence Melvin Nicolas Noam Patrick
Pierre-Yves Rodolphe Romuald Sébastien Thibaud Timothé Valentin Xavier
`;

const MALE = `
Aaron Abdel Abdelkader Abdellah Abdou Abdoulaye Abdoul Abel Achille Adam Adama Adel Adrien Ahmed Aimé
Alain Alan Alban Albert Alexandre Alexis Alfred Ali Aloïs Alphonse Amadou Amar Ambroise Amine Anatole
Anis André Anthony Antoine Antonin Antonio Armand Arnaud Arthur Auguste Augustin Aurélien Axel Ayoub
Aziz Baptiste Bastien Benjamin Benoît Benoit Bernard Bertrand Bilal Boubacar Brahim Bruno Camille Carlos
Cédric Charles Cheikh Christian Christophe Claude Clément Corentin Cyril Cyrille Damien Daniel David
Denis Didier Djamel Dominique Dylan Eddy Edgar Edmond Édouard Edouard Eliott Elie Élie Eliot Elliot
Emile Émile Emmanuel Enzo Eric Éric Ernest Erwan Étienne Etienne Eugène Fabien Fabrice Farid Fayçal
Félix Ferdinand Fernand Fernando Florent Florian Francis Franck François Frédéric Gabriel Gaël Gaëtan
Gaspard Gaston Gauthier Geoffrey Georges Gérald Gérard Germain Ghislain Gilbert Gilles Grégoire
Grégory Guillaume Gustave Guy Hakim Hamid Hamza Hassan Hector Henri Hervé Hocine Hubert Hugo Hugues
Ibrahim Ibrahima Idriss Ilyes Ilyès Ismaël Ismail Ivan Jacques Jamal Jean Jérémie Jérémy Jérôme
Joachim Joël Johan Johann Jonathan Jordan José Joseph Jules Julien Justin Kamel Karim Kevin Kévin
Khaled Killian Kylian Lamine Laurent Léo Léon Léonard Lionel Loïc Louis Luc Luca Lucas Lucien
Ludovic Luis Malik Mamadou Manuel Marc Marcel Marius Martin Mathéo Mathias Mathieu Matthieu Mathis
Maurice Max Maxence Maxime Mehdi Michel Mickaël Miguel Mohamed Mohammed Mohand Morgan Mourad Moussa
Mustapha Nabil Nacer Nassim Nathan Nicolas Noah Noé Noël Norbert Octave Olivier Omar Oscar Oumar
Ousmane Pascal Patrice Patrick Paul Paulo Philippe Pierre Pierrick Quentin Rachid Rafael Raphaël
Raymond Redouane Régis Rémi Rémy Renaud René Richard Robert Robin Rodolphe Rodrigue Roger Roland
Romain Romaric Ronan Rudy Ryan Saïd Said Salah Salim Samir Samuel Samy Sébastien Serge Seydou Simon
Sofiane Souleymane Stéphane Steve Steven Sylvain Tanguy Thibault Thibaut Thierry Thomas Timothée
Tom Tony Tristan Valentin Valère Victor Vincent Virgile Walid Wilfried William Xavier Yacine Yanis
Yann Yannick Yassine Yohan Youcef Younes Youssef Youssouf Yves Zakaria Zinedine Goulven Gwenaël
Yannig Erwann Loïg Tugdual Maël Malo Brieuc Kilian Joao João Rui Nuno Tiago Diogo Pedro Sergio
Jorge Alberto Mario Giovanni Giuseppe Marco Luigi Paolo Francesco Salvatore Minh Duc Tuan Hung Nam
Quang Long Hai Thanh Anh Huy Khanh Dung Vinh Binh Phong Cuong Trung Wei Jun Hao Mehmet Mustafa Emre
Murat Ahmet Hüseyin Hasan Yusuf Kemal Ibrahima Issa Moussa Seydou Boubacar Mamadou Modibo Bakary
Sékou Sekou Lassana Mamadi Aliou Alioune Babacar Cheick Demba Samba Ousseynou Pape Malick Idrissa
Oumarou Djibril Bocar Mahamadou Abdourahmane Amadou Saliou Serigne Thierno Kader Nordine Nourdine
Rachid Larbi Lahcen Mounir Tarik Tarek Hicham Khalid Yazid Yacine Sami Walid Nadir Farès Fares
Bachir Belkacem Boualem Lakhdar Messaoud Mokhtar Smaïl Slimane Toufik Zoubir Ilan Elias Élias Eliès
Gilbert Jean-Claude Guillaume Yvon Yvan Jean-Paul Gérald Lucien Marcel Marcelin Thibaud Arsène
Théo Téo Mathéo Sacha Sasha Timéo Nolan Evan Ethan Liam Gabin Rayan Adem Mohamed-Amine Loris Lenny Mattéo Matteo
Nils Noa Raphael Sami Aymeric Alexandre Amaury Baudouin Bertrand Côme Foucauld Ghislain Hippolyte
Gonzague Jean Marc Luc Paul Louis René Yves Guy Jules Kévin Anthonin Grégoire Ludwig Stanislas
`;

function nameSet(...lists: string[]): ReadonlySet<string> {
  const names = new Set<string>();
  for (const list of lists) {
    for (const name of list.split(/\s+/)) {
      if (name) names.add(foldName(name));
    }
  }
  return names;
}

/** Folded (lowercase, no accent) common first names. */
export const FIRST_NAMES: ReadonlySet<string> = nameSet(FEMALE, MORE_FEMALE, MALE, MORE_MALE);

/** A first name of the list, or a compound of them (Jean-Marc, Marie-Claire, Jean Baptiste). */
export function isKnownFirstName(token: string): boolean {
  const folded = foldName(token);
  if (FIRST_NAMES.has(folded)) return true;
  const parts = folded.split('-');
  return parts.length > 1 && parts.every((part) => FIRST_NAMES.has(part));
}
