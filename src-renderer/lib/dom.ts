/** Puts the cursor in a text field with what it holds selected, so typing replaces it. */
export function focusAndSelect(input: HTMLInputElement): void {
  input.focus();
  input.select();
}
