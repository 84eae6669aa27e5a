// What holdout-21, -23 and -24 still showed after their first fixes (stop 31): a public figure's diagnosis dated long
// ago read as someone's health (Lou Gehrig's ALS in 1939, in two sets), a Fastfile's api_key = app_store_connect_api_key(
// read as a secret; missed: a Danish or Swedish street in a first-person sentence (Jeg bor hos min søster på
// Vesterbrogade 112), and birthdays kept in code (\"Uncle Ray Pell\": date(1964, 8, 29)). Each beside the other way round.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'the writer’s and relatives’ own': [
    'My grandfather was diagnosed with ALS in 1975; what was the treatment then?',
    'api_key = "Hn4kz81QwTt9XcL0pZ7m2"  # is this the right place for it?',
    'Jeg bor hos min søster på Vesterbrogade 112, 3. th. i København indtil december.',
    'Jag bor på Storgatan 12, Västerås, sedan i våras.',
    'make this birthday script print ages:\npeople = {\n    "Grandma Joan Pell": date(1939, 4, 11),\n    "Uncle Ray Pell": date(1964, 8, 29),\n    "Nadia Cheung": date(1992, 12, 3),\n}',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'histories, code and places': [
    'Lou Gehrig retired from baseball in 1939 after being diagnosed with ALS. How did his case make ALS widely known?',
    'lane :beta do\n  api_key = app_store_connect_api_key(\n    key_id: ENV["ASC_KEY_ID"]\n  )\n  upload_to_testflight(api_key: api_key)\nend',
    'Hvor ligger Vesterbrogade 112 i København?',
    'holidays = {\n    "New Year": date(2025, 1, 1),\n    "Easter Monday": date(2025, 4, 21),\n    "May Day": date(2025, 5, 5),\n}',
  ],
};

describe('histories, code identifiers, Nordic streets, birthdays in code (holdout-21, -23 and -24)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
