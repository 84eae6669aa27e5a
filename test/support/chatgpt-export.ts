import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface ChatGptExportShape {
  conversations: number;
  /** Question/answer pairs per conversation. */
  turns: number;
  /** Characters per message (plain words, some non-ASCII, so escaping and UTF-8 both count). */
  messageChars: number;
}

/** The id of the i-th conversation a generated export holds. */
export function generatedConversationId(i: number): string {
  return `gen-conv-${String(i).padStart(6, '0')}`;
}

/**
 * Writes a ChatGPT `conversations.json` of the given shape, as ChatGPT's data export lays it out
 * (a list of conversations, each a `mapping` of message nodes linked by parent and children), and
 * returns its size in bytes. Written piece by piece, so a 60 MiB file never sits in memory whole.
 */
export async function writeChatGptExport(file: string, shape: ChatGptExportShape): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  const words = 'the quick brown fox jumps over a lazy dog while café owners count "quotes" and\nnew lines ';
  const body = (n: number): string => words.repeat(Math.ceil(shape.messageChars / words.length) + 1).slice(n % 7, (n % 7) + shape.messageChars);
  await write('[');
  for (let c = 0; c < shape.conversations; c++) {
    const id = generatedConversationId(c);
    const mapping: Record<string, unknown> = { root: { message: null, parent: null, children: ['n0'] } };
    const nodes = shape.turns * 2;
    for (let n = 0; n < nodes; n++) {
      const role = n % 2 === 0 ? 'user' : 'assistant';
      mapping[`n${n}`] = {
        message: {
          author: { role },
          content: { content_type: 'text', parts: [`${role} ${c}/${n}: ${body(c + n)}`] },
          create_time: 1_700_000_000 + c * 100 + n,
          metadata: role === 'assistant' ? { model_slug: 'gpt-4o' } : {},
        },
        parent: n === 0 ? 'root' : `n${n - 1}`,
        children: n + 1 < nodes ? [`n${n + 1}`] : [],
      };
    }
    const conversation = {
      title: `Generated ${c}`,
      create_time: 1_700_000_000 + c * 100,
      update_time: 1_700_000_000 + c * 100 + nodes,
      id,
      mapping,
      current_node: `n${nodes - 1}`,
    };
    await write((c === 0 ? '' : ',') + JSON.stringify(conversation));
  }
  await write(']');
  out.end();
  await once(out, 'finish');
  return bytes;
}
