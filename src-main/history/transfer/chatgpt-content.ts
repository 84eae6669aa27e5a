import type { ChatGptContent, ChatGptMessage } from './chatgpt-schema.js';

/** Shown where a ChatGPT message held an image, which an export does not include. */
export const IMAGE_PLACEHOLDER = '[image]';

/**
 * What a user or assistant message of ChatGPT said, as Markdown; null for what a reader of the chat
 * never saw as a message: system and tool messages, hidden context, reasoning, tool output, empty text.
 */
export function chatGptText(message: ChatGptMessage): string | null {
  const role = message.author.role;
  if (role !== 'user' && role !== 'assistant') return null;
  if (message.metadata?.is_visually_hidden_from_conversation) return null;
  // Text the assistant sent to a tool (a memory note, a plugin call) was never shown; code it ran was.
  const toTool = role === 'assistant' && message.recipient != null && message.recipient !== 'all';
  if (toTool && message.content.content_type !== 'code') return null;
  const text = contentText(message.content);
  return text !== null && text.trim() !== '' ? text : null;
}

function contentText(content: ChatGptContent): string | null {
  switch (content.content_type) {
    case 'text':
    case 'multimodal_text':
      return (content.parts ?? [])
        .map(partText)
        .filter((part) => part.trim() !== '')
        .join('\n\n');
    case 'code':
      return typeof content.text === 'string' && content.text.trim() !== '' ? fenced(content.text, content.language) : null;
    default:
      // execution_output, tether_browsing_display, thoughts, reasoning_recap, user_editable_context…
      return null;
  }
}

function partText(part: unknown): string {
  if (typeof part === 'string') return part;
  if (typeof part !== 'object' || part === null) return '';
  const { content_type: type, text } = part as { content_type?: unknown; text?: unknown };
  if (type === 'image_asset_pointer') return IMAGE_PLACEHOLDER;
  // A voice message: its transcript is what was said.
  if (type === 'audio_transcription' && typeof text === 'string') return text;
  return '';
}

/** Code in a fence longer than any run of backticks inside it, so the code cannot close it early. */
function fenced(code: string, language: string | null | undefined): string {
  const longest = Math.max(0, ...Array.from(code.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const info = language && language !== 'unknown' ? language.replace(/[`\s]/g, '') : '';
  return `${fence}${info}\n${code.replace(/\n+$/, '')}\n${fence}`;
}
