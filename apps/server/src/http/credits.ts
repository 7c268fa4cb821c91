// Where the history data comes from and under which licence: shown in the API documentation (and
// mirrored by the web app's footer). F1DB's CC BY 4.0 asks for attribution, a link and a note of
// changes; Jolpica's data is CC BY-NC-SA 4.0.
export interface DataCredit {
  what: string;
  name: string;
  url: string;
  licence: string;
  licenceUrl: string;
  note?: string;
}

export const dataCredits: readonly DataCredit[] = [
  {
    what: 'History 1950–today (seasons, races, results, grids, practice, standings, drivers, constructors, circuits)',
    name: 'F1DB',
    url: 'https://github.com/f1db/f1db',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
    note: 'merged with Jolpica into one set of drivers, constructors, circuits and races; ids are Ergast ids where one exists',
  },
  {
    what: 'Lap times, pit-stop details and the current season',
    name: 'Jolpica F1 (Ergast successor)',
    url: 'https://github.com/jolpica/jolpica-f1',
    licence: 'CC BY-NC-SA 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
  },
];
