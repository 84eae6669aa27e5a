// The words a finding about a named person is shown with ("privacy: the message contains a named
// person's date of birth"): one table for every detector that reports such a detail.

/** The finding label of each kind of detail about a named person. */
export const PERSON_LABELS = {
  health: "a named person's health information",
  employment: "a named person's pay or employment record",
  'birth-date': "a named person's date of birth",
  location: 'where a named person lives',
  personal: "a named person's personal details",
} as const;
