// The loop every privacy detector runs its patterns with.

/** Runs a global regex over the text from the start, calling back for each match (an empty match is stepped over). */
export function eachMatch(re: RegExp, text: string, onMatch: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    else onMatch(m);
  }
}
