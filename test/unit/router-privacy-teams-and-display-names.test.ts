// What holdout-31's and -32's blind runs missed (stop 33): a colleague named by first name and team ("Sarah in accounts
// … diagnosed with multiple sclerosis"), a requester's free-mail address under her display name in a text where the
// company speaks of its invoices, a daughter "diabétique de type 1" in French, and a father's birth in Czech (se narodil
// 18. března 1954), a named colleague's Bradford factor and a promotion decided against ("not to promote her"), a
// colleague's improvement plan in Dutch (verbetertraject).
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a colleague by first name and team': ['Priya in payroll told me she has just been diagnosed with lupus. What adjustments can I offer?'],
  'a requester’s own mailbox under her name': [
    'Ticket: requester Aoife Brennan <aoife.brennan.art@gmail.com> says our invoice went to her old address. How do I merge her profiles?',
  ],
  'a relative’s diabetes in French': ['Mon fils Hugo Marchand, 9 ans, est diabétique de type 1. Comment écrire à la cantine ?'],
  'a named colleague’s Bradford factor and a promotion turned down': [
    "Owen Pryce in the warehouse has had five short absences this year. What's his Bradford factor?",
    'Write to Mei Lin: the panel decided not to promote her to Lead Analyst this round.',
  ],
  'a named colleague’s improvement plan in Dutch': ['Sanne Bakker (inkoop) krijgt vanaf juni een verbetertraject van twee maanden. Help me met de mail.'],
  'a relative’s birth in Czech': ['Moje matka Alena Dvořáková se narodila 4. května 1957. Kdy může jít do důchodu?'],
};

const SENT: Record<string, readonly string[]> = {
  'teams and conditions with no one in them': [
    'Anyone in accounts who is diagnosed with diabetes can ask occupational health for a review.',
    'Changes in legal name do not count toward the replacement limit.',
    "Qu'est-ce qu'un diabétique de type 1 peut manger à la cantine ?",
    'Kolik let je člověku, který se narodil 18. března 1954?',
    'How is the Bradford Factor calculated, and what counts as one spell of absence?',
    'Hoe lang duurt een verbetertraject meestal, en wat zijn je rechten?',
  ],
  'an organisation’s own mailbox in its reply': ['Thanks for contacting Bramble Books. Our invoices come from Bramble Books <billing@bramblebooks.co.uk>.'],
};

describe('colleagues by team, display names, French diabetes and Czech births (holdout-31 and -32)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
