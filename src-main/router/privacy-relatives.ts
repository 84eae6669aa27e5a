// The family words, one list for every rule that reads "my mum", "his daughter", "Tom's wife": the take-backs that
// ask whether a relative of the writer's is in the text (a pet's, a public figure's or a biography's details are no
// one's unless one is), the medicine list's owner, a home's resident, a date of birth's person. Each rule adds the
// people it needs besides (a friend, a colleague, a tenant, a patient); the family itself is the same everywhere.

/** Regex source, no boundaries or flags: a family member, singular or plural where the plural is the usual word. */
export const FAMILY_EN =
  'mum|mom|mam|mother|dad|father|parents?|wife|husband|partner|sons?|daughters?|child(?:ren)?|kids?|baby|brothers?|sisters?|aunt|auntie|aunty|uncle|cousin|nephew|niece|gran|granny|grandma|grandmother|grandpa|grandad|grandfather|nan|nana';

/** "My" and a relative in another European language: mi padre, ma mère, meine Oma, mijn zoon, moja córka, ma tante, min søster. */
export const FAMILY_EU =
  /(?<![\p{L}])(?:mi|mis|mon|ma|mes|mein(?:e|em|en|er)?|mio|mia|mijn|min|mitt|m[óo]j|moja|meu|minha) (?:tante|oncle|cousine?|Tante|Onkel|Cousin|t[íi][oa]|prim[oa]|zi[oa]|cugin[oa]|oom|neef|nicht|moster|faster|morbror|farbror|ciocia|wujek|kuzyn(?:ka)?|s[øo]ster|datter|s[øo]n|padre|madre|abuel[oa]|hij[oa]|herman[oa]|marido|esposa?|p[èe]re|m[èe]re|fils|fille|fr[èe]re|s(?:œ|oe)ur|mari|femme|grand-(?:p[èe]re|m[èe]re)|Vater|Mutter|Sohn|Tochter|Bruder|Schwester|Mann|Frau|Oma|Opa|figli[oa]|fratello|sorella|marito|moglie|nonn[oa]|vader|moeder|zoon|dochter|broer|zus|far|mor|son|dotter|bror|syster|ojciec|matka|syn|c[óo]rka|brat|siostra|pai|m[ãa]e|filh[oa]|irm[ãa]o?)(?![\p{L}])/iu;
