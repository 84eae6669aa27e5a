// The loop every privacy detector runs its patterns with.

/** Runs a global regex over the text from the start, calling back for each of its first `limit` matches (an empty match is stepped over). */
export function firstMatches(re: RegExp, text: string, limit: number, onMatch: (m: RegExpExecArray) => void): void {
  let n = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && n < limit; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    else {
      onMatch(m);
      n++;
    }
  }
}

/** Runs a global regex over the text from the start, calling back for each match (an empty match is stepped over). */
export function eachMatch(re: RegExp, text: string, onMatch: (m: RegExpExecArray) => void): void {
  firstMatches(re, text, Infinity, onMatch);
}
