// An OpenAI-compatible "cloud" on 127.0.0.1 whose every answer streams numbered lines of Markdown,
// one every `lineMs`, until the client goes away (the user pressed Stop): an answer that keeps
// growing for as long as a test needs, whatever the machine's load.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EndlessCloud {
  /** `http://127.0.0.1:PORT/v1`, what an OpenAI client takes as its base URL. */
  baseUrl: string;
  model: string;
  stop(): Promise<void>;
}

/** Starts the endless cloud; `lineMs` apart, each line is a short paragraph. */
export async function startEndlessCloud(lineMs = 40): Promise<EndlessCloud> {
  const model = 'endless-test-model';
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url?.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: model, object: 'model', created: 0, owned_by: 'test' }] }));
      return;
    }
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      let line = 0;
      const timer = setInterval(() => {
        const content = `Line ${++line} of an answer that does not end.\n\n`;
        res.write(
          `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`,
        );
      }, lineMs);
      res.on('close', () => clearInterval(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    model,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
