// What the core says, in the user's language. The core writes its errors and routing reasons in
// English, with the specifics (a file name, a score, an address) in the sentence. In another
// language the code's own sentence leads, and the core's words follow as the detail, so nothing
// specific is lost and nothing is left untranslated.
import { locale, t } from './index.svelte.js';

interface CoreText {
  code: string;
  message: string;
}

/** An error from the core as the user should read it. */
export function errorText(error: CoreText): string {
  return inUserLanguage('coreError', error);
}

/** A routing reason from the core as the user should read it. */
export function reasonText(reason: CoreText): string {
  return inUserLanguage('coreReason', reason);
}

function inUserLanguage(section: string, { code, message }: CoreText): string {
  if (locale() === 'en') return message;
  const lead = t(`${section}.${code}`, { defaultValue: '' });
  if (lead === '') return message;
  return message === '' ? lead : t('coreText.withDetail', { lead, detail: message });
}
