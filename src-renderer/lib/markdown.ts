import DOMPurify from 'dompurify';
import { IncrementalMarkdown, markdownToHtml } from './markdown-blocks.js';

export { escapeHtml } from './markdown-blocks.js';

const purify = DOMPurify(window);
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('rel', 'noopener noreferrer');
    // Electron hands new-window requests to the system browser; a page never navigates away.
    node.setAttribute('target', '_blank');
  }
});

const sanitize = (html: string): string => purify.sanitize(html, { FORBID_ATTR: ['style'], FORBID_TAGS: ['style', 'form'] });

/** Renders Markdown to sanitized HTML: raw HTML escaped, then DOMPurify, links made safe. */
export function renderMarkdown(source: string): string {
  return sanitize(markdownToHtml(source));
}

/** A renderer for one streaming answer: sanitized like `renderMarkdown`, finished blocks kept. */
export function incrementalMarkdown(): IncrementalMarkdown {
  return new IncrementalMarkdown(sanitize);
}
