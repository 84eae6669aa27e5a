// Small Markdown helpers for the export: our own words are escaped, the user's messages are not.

/** A local date and time as "YYYY-MM-DD HH:MM", the way the user's clock shows it. */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Text shown inside our own Markdown (a heading, an italic line) as literal characters: one line,
 * Markdown punctuation escaped, so a title like "C++ <vector> *fast*" neither vanishes as HTML nor
 * turns bold, and a reason cannot end the italics early.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const COMMENT_START = /^ {0,3}<!--/;

/**
 * A message's Markdown, verbatim, plus whatever closes a construct it left open: an unclosed code
 * fence or HTML comment would otherwise swallow every message after it in the exported file.
 */
export function sealMarkdown(content: string): string {
  let fence: { char: string; length: number } | null = null;
  let inComment = false;
  for (const raw of content.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (inComment) {
      inComment = !line.includes('-->');
      continue;
    }
    const m = FENCE.exec(line);
    if (fence === null) {
      if (COMMENT_START.test(line)) {
        inComment = !line.slice(line.indexOf('<!--') + 4).includes('-->');
        continue;
      }
      // A backtick fence's info string may not hold backticks (CommonMark); such a line is text.
      if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) fence = { char: m[1]![0]!, length: m[1]!.length };
    } else if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length && m[2]!.trim() === '') {
      fence = null;
    }
  }
  let sealed = content.replace(/\s+$/, '');
  if (fence) sealed += `\n${fence.char.repeat(fence.length)}`;
  if (inComment) sealed += '\n-->';
  return sealed;
}
