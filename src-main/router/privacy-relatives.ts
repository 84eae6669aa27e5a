// The family words, one list for every rule that reads "my mum", "his daughter", "Tom's wife": the take-backs that
// ask whether a relative of the writer's is in the text (a pet's, a public figure's or a biography's details are no
// one's unless one is), the medicine list's owner, a home's resident, a date of birth's person. Each rule adds the
// people it needs besides (a friend, a colleague, a tenant, a patient); the family itself is the same everywhere.

/** Regex source, no boundaries or flags: a family member, singular or plural where the plural is the usual word. */
export const FAMILY_EN =
  'mum|mom|mam|mother|dad|father|parents?|wife|husband|partner|sons?|daughters?|child(?:ren)?|kids?|baby|brothers?|sisters?|aunt|auntie|aunty|uncle|cousin|nephew|niece|gran|granny|grandma|grandmother|grandpa|grandad|grandfather|nan|nana';
