// F1DB's enumerations in words.

const TYPES: Record<string, string> = { RACE: 'Permanent', ROAD: 'Road', STREET: 'Street' };
export const circuitTypeLabel = (t: string) => TYPES[t] ?? t.toLowerCase();

export const directionLabel = (d: string) => (d === 'ANTI_CLOCKWISE' ? 'anti-clockwise' : d === 'CLOCKWISE' ? 'clockwise' : d.toLowerCase());

/** What the relative is to the driver, in F1DB's terms (PARENT = the relative is his parent). */
const RELATIONS: Record<string, string> = {
  PARENT: 'Parent',
  CHILD: 'Child',
  SIBLING: 'Sibling',
  HALF_SIBLING: 'Half-sibling',
  GRANDPARENT: 'Grandparent',
  GRANDCHILD: 'Grandchild',
  PARENTS_SIBLING: 'Uncle / aunt',
  SIBLINGS_CHILD: 'Nephew / niece',
  PARENTS_SIBLINGS_CHILD: 'Cousin',
  GRANDPARENTS_SIBLING: 'Great-uncle / aunt',
  SIBLINGS_GRANDCHILD: 'Great-nephew / niece',
  SIBLING_IN_LAW: 'Sibling-in-law',
  PARENT_IN_LAW: 'Parent-in-law',
  CHILD_IN_LAW: 'Child-in-law',
  SIBLINGS_CHILD_IN_LAW: 'Nephew / niece-in-law',
};
export const relationLabel = (type: string) => RELATIONS[type] ?? type.toLowerCase().replace(/_/g, ' ');

/** F1DB's other sessions of a weekend by the API's codes. */
const SESSION_NAMES: Record<string, string> = {
  FP1: 'Practice 1',
  FP2: 'Practice 2',
  FP3: 'Practice 3',
  FP4: 'Practice 4',
  WUP: 'Warm-up',
  PQ: 'Pre-qualifying',
  Q1: 'Qualifying 1',
  Q2: 'Qualifying 2',
};
export const sessionName = (code: string) => SESSION_NAMES[code] ?? code;
