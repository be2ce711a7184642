/**
 * Fictitious people for test and demo data: common French first and last
 * names, with the accents and diaereses that search and sorting must handle.
 */

export const FIRST_NAMES: ReadonlyArray<string> = [
  "Élodie", "Hélène", "Jérôme", "François", "Noël", "Gaëlle", "Amélie", "Benoît",
  "Céline", "Clément", "Anaïs", "Raphaël", "Maëlys", "Loïc", "Chloé", "Joël",
  "Agnès", "Stéphane", "Frédéric", "Mélanie", "Zoé", "Théo", "Léa", "Inès",
  "Nathalie", "Karim", "Fatoumata", "Mamadou", "Sébastien", "Aurélie", "Yannick",
  "Émilie", "Jean-Loïc", "Marie-Thérèse", "Valérie", "Ophélie", "Aïcha", "Nadège",
  "Grégory", "Sandrine", "Thierry", "Béatrice", "Hervé", "Laëtitia", "Rémi",
];

export const LAST_NAMES: ReadonlyArray<string> = [
  "Müller", "Lefèvre", "Dupré", "Bénard", "Lemaître", "Fèvre", "Gérard", "Rousseau",
  "Martin", "Bernard", "Dubois", "Moreau", "Lefebvre", "Garnier", "Chevalier",
  "Hébert", "Lécuyer", "Brûlé", "Mercier", "Faure", "André", "Barbier", "Noël",
  "Benoît", "Girard", "Perrin", "Nguyen", "Diallo", "Traoré", "Benali", "Da Silva",
  "Ferreira", "Lopez", "Caron", "Méndez", "Boyer", "Renaud", "Aubé", "Pâris",
  "Kaya", "Ouédraogo", "Lacroix", "Rivière", "Léger", "Besançon",
];

export const STREETS: ReadonlyArray<string> = [
  "rue de la République", "avenue Jean-Jaurès", "rue Victor-Hugo", "place de l'Église",
  "allée des Tilleuls", "rue Émile-Zola", "boulevard de la Gare", "rue des Écoles",
  "résidence Les Épinettes", "rue Pasteur", "chemin des Prés", "avenue du Général-de-Gaulle",
  "rue de l'Orge", "square Léon-Blum", "rue Gambetta", "impasse des Châtaigniers",
  "rue Jean-Moulin", "cours Blaise-Pascal", "rue du Moulin", "allée Frédéric-Chopin",
];

export interface PersonName {
  firstName: string;
  lastName: string;
}
