// Where our standings (standings/eras.ts rules) and F1DB's standings files disagree, and why.
// Each entry matches differences by table (kind), season, rounds ('final' = the season's file), ids
// and field; standings-f1db.test.ts fails on a difference no entry explains and on an entry that
// explains nothing. Two kinds of difference are explained by category in the test itself:
// - places inside a group tied on points (the points agree; F1DB orders some ties otherwise than
//   countback over the scoring places before 2000 and over all places since);
// - places in a table whose points differ because of a difference listed here.

export interface Explained {
  kind: 'drivers' | 'constructors';
  year: number;
  rounds: (number | 'final')[];
  ids: string[];
  field: 'points' | 'position' | 'missing' | 'extra';
  why: string;
}

const typo = (ours: number, theirs: number) => `F1DB typo: listed ${theirs}th where its points (equal to ours) place him ${ours}th`;

export const explained: Explained[] = [
  {
    kind: 'drivers',
    year: 1954,
    rounds: [5],
    ids: ['jean-behra'],
    field: 'extra',
    why: 'F1DB omits Behra from its round-5 table although its own race results give him 1/7 of the shared British GP fastest-lap point; its final table lists him with 0.14',
  },
  { kind: 'drivers', year: 1956, rounds: [6], ids: ['luigi-villoresi'], field: 'position', why: typo(17, 27) },
  {
    kind: 'drivers',
    year: 1959,
    rounds: [5],
    ids: ['rodger-ward', 'jo-bonnier'],
    field: 'points',
    why: 'F1DB round-5 table gives 6 points to the winners of the Indianapolis 500 and Dutch GP (8 each, no other score); its round-4 and round-6 tables have 8',
  },
  { kind: 'drivers', year: 1964, rounds: [9], ids: ['mike-spence', 'trevor-taylor'], field: 'position', why: typo(18, 28) },
  {
    kind: 'constructors',
    year: 1974,
    rounds: [13],
    ids: ['mclaren|ford'],
    field: 'position',
    why: 'F1DB round-13 table has no 1st place: the leader (McLaren, 61 points, ahead of Ferrari 59) is listed 2nd',
  },
  {
    kind: 'constructors',
    year: 1977,
    rounds: [12],
    ids: ['wolf|ford'],
    field: 'position',
    why: 'F1DB round-12 table lists Ferrari (59) and Lotus (47) both 2nd and Wolf (38) 4th: Lotus is 2nd only by a typo, Wolf 3rd',
  },
  {
    kind: 'constructors',
    year: 1978,
    rounds: [3],
    ids: ['tyrrell|ford'],
    field: 'points',
    why: 'Before 1979 only the best-placed car scored: Tyrrell has 4 + 1 + 6 = 11 after South Africa (Depailler 2nd, Pironi 6th); F1DB counts Pironi too (12) in this one table, and the best car only in every later one',
  },
  { kind: 'drivers', year: 1979, rounds: [13], ids: ['carlos-reutemann'], field: 'position', why: typo(7, 67) },
  { kind: 'drivers', year: 1982, rounds: [10, 11], ids: ['eliseo-salazar', 'marc-surer'], field: 'position', why: typo(19, 29) },
  {
    kind: 'constructors',
    year: 2007,
    rounds: [6],
    ids: ['ferrari|ferrari', 'bmw-sauber|bmw', 'renault|renault', 'williams|toyota', 'toyota|toyota', 'super-aguri|honda', 'spyker|ferrari'],
    field: 'position',
    why: 'McLaren was excluded from the 2007 constructors’ championship (EX in every other F1DB table); F1DB’s round-6 table keeps McLaren 1st and the rest one place down',
  },
  {
    kind: 'constructors',
    year: 2018,
    rounds: [13, 14, 15, 16, 17, 18, 19, 20, 21, 'final'],
    ids: ['force-india|mercedes'],
    field: 'points',
    why: 'From Belgium (round 13) Racing Point Force India was a new entrant starting from 0, the old Force India excluded with its 59 points; F1DB files both under one id, which one table cannot tell apart',
  },
  {
    kind: 'drivers',
    year: 2026,
    rounds: [1, 2, 3],
    ids: ['isack-hadjar', 'oscar-piastri', 'nico-hulkenberg', 'fernando-alonso', 'valtteri-bottas', 'lance-stroll'],
    field: 'position',
    why: 'F1DB’s 2026 tables place drivers with neither a point nor a classified finish; its 1950–2025 tables leave them out, as our eligibility rule does',
  },
  {
    kind: 'constructors',
    year: 2026,
    rounds: [1, 2],
    ids: ['aston-martin|honda'],
    field: 'position',
    why: 'as for the 2026 drivers: F1DB places a constructor with neither a point nor a classified finish',
  },
];
