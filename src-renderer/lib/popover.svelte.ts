import type { Attachment } from 'svelte/attachments';

/**
 * A button's popover (a menu, a panel of details): its button toggles it; a click anywhere else
 * closes it, and so does Escape, which gives focus back to the button. Create it while a component
 * initialises; attach `root` to the element around the button and popover, `button` to the button.
 */
export class Popover {
  open = $state(false);

  #root: HTMLElement | null = null;
  #button: HTMLElement | null = null;

  constructor() {
    // A click anywhere else closes the popover, as a menu would.
    $effect(() => {
      if (!this.open) return;
      const onpointerdown = (event: PointerEvent): void => {
        if (!this.#root?.contains(event.target as Node)) this.open = false;
      };
      window.addEventListener('pointerdown', onpointerdown);
      return () => window.removeEventListener('pointerdown', onpointerdown);
    });
  }

  root: Attachment<HTMLElement> = (node) => {
    this.#root = node;
    const onkeydown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && this.open) {
        // Handled here, so the app does not also stop an answer.
        event.preventDefault();
        this.close();
      }
    };
    node.addEventListener('keydown', onkeydown);
    return () => {
      node.removeEventListener('keydown', onkeydown);
      this.#root = null;
    };
  };

  button: Attachment<HTMLElement> = (node) => {
    this.#button = node;
    return () => {
      this.#button = null;
    };
  };

  toggle = (): void => {
    this.open = !this.open;
  };

  /** Closes the popover and gives focus back to its button. */
  close(): void {
    this.open = false;
    this.#button?.focus();
  }
}
