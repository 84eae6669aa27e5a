// Structured text that holds nobody's data, made up (seeded) as "not personal" examples for the learned
// privacy check: tables of business figures and measurements, logs, metric JSON, encoded blobs, ids.
// Without them the check learned that a table or a blob *is* personal (its personal examples are full
// of CSV records and pasted forms, its ordinary ones are prose and code): a pasted revenue CSV or a
// base64 string read as 0.97 personal. The people are what make a record personal, not its shape.
// Since stop 27 also a README's markup (sponsor logos, badges, contributor avatars by handle) and benchmark
// output (ops/sec, memory in bytes): trained on holdout-11's records, the check read those as personal at 0.8.
import { mulberry32 } from '../../test/support/seeded-random.js';

const SEED = 23;
/** How many of each kind. */
const PER_KIND = 40;

const HEADERS = [
  ['month', 'revenue', 'cost', 'margin'],
  ['date', 'region', 'units_sold', 'returns'],
  ['sku', 'product', 'price', 'stock'],
  ['timestamp', 'cpu_pct', 'mem_mb', 'latency_ms'],
  ['city', 'temp_c', 'humidity', 'rain_mm'],
  ['week', 'signups', 'churned', 'active_users'],
  ['test_id', 'status', 'duration_s', 'retries'],
  ['日期', '销售额', '成本', '利润'],
  ['地区', '订单数', '退货数', '客单价'],
];
const WORDS = ['North', 'South', 'East', 'West', 'Widget A', 'Widget B', 'Gadget', 'Pro', 'Lite', 'Berlin', 'Osaka', 'Lima', '华东', '华南', '华北', 'passed', 'failed'];
const ASKS = [
  'Plot this:',
  'Find the trend in this data:',
  'Why is the total wrong?',
  'Summarise this table:',
  '帮我分析一下这份数据：',
  'Convert this to JSON:',
  'Explain this output:',
  'Decode this:',
];

const ORGS = ['Acme Cloud', 'Northwind', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Umbrella Labs', 'Hooli', 'Vandelay', 'Stark Tools'];
const HANDLES = ['octo-dev', 'bytewise', 'qwerty42', 'lintmaster', 'nullpointer', 'devcat', 'semver-bot', 'pixelpush', 'tabs4ever', 'rustacean7'];
const LIBS = ['fast-parse', 'tiny-json', 'sourcemap-lite', 'hashkit', 'stream-utils', 'yaml-ish', 'deepmerge-x'];

/** The structured examples, the same on every run. */
export function structuredOrdinaryText(): string[] {
  const rand = mulberry32(SEED);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const date = (): string => `20${int(19, 26)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const cell = (header: string): string => {
    if (/date|month|timestamp|日期|week/.test(header)) return date();
    if (/sku|test_id/.test(header)) return `${pick(['SKU', 'T', 'A'])}-${int(1000, 99999)}`;
    if (/product|region|city|status|地区/.test(header)) return pick(WORDS);
    return rand() < 0.5 ? String(int(0, 99999)) : (rand() * 1000).toFixed(2);
  };
  const table = (sep: string): string => {
    const header = pick(HEADERS);
    const rows = Array.from({ length: int(3, 25) }, () => header.map(cell).join(sep));
    return [header.join(sep), ...rows].join('\n');
  };
  const out: string[] = [];
  for (let i = 0; i < PER_KIND; i++) {
    out.push(`${pick(ASKS)}\n${table(',')}`);
    out.push(`${pick(ASKS)}\n${table('\t')}`);
    const header = pick(HEADERS);
    out.push(
      `${pick(ASKS)}\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n${Array.from({ length: int(2, 10) }, () => `| ${header.map(cell).join(' | ')} |`).join('\n')}`,
    );
    out.push(
      `${pick(ASKS)}\n${JSON.stringify(
        Array.from({ length: int(2, 8) }, () => Object.fromEntries(header.map((h) => [h, cell(h)]))),
        null,
        rand() < 0.5 ? 2 : 0,
      )}`,
    );
    out.push(
      `${pick(ASKS)}\n${Array.from({ length: int(3, 30) }, () => `${date()}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}Z ${pick(['INFO', 'WARN', 'ERROR', 'DEBUG'])} ${pick(['worker', 'api', 'db', 'cache'])}-${int(1, 9)} ${pick(['request done', 'retrying', 'timeout after', 'queue depth'])} ${int(1, 5000)}${pick(['ms', '', ' items'])}`).join('\n')}`,
    );
    const logo = (): string => {
      const org = pick(ORGS);
      const slug = org.toLowerCase().replace(/ /g, '-');
      return `<a href="https://${slug}.example.com/"><img src="https://images.opencollective.com/${slug}/${int(1000, 9999).toString(16)}/logo.png" alt="${org}" height="${pick([64, 96, 128])}"></a>`;
    };
    const avatar = (): string => {
      const handle = pick(HANDLES);
      return `<td align="center"><a href="https://github.com/${handle}"><img src="https://avatars.githubusercontent.com/u/${int(1000, 9999999)}?v=4" width="75" alt="${handle}'s avatar"><br />${handle}</a></td>`;
    };
    out.push(`Summarise this:\n<h3>${pick(['Gold', 'Silver', 'Bronze', 'Platinum'])} Sponsors</h3>\n<p>${Array.from({ length: int(2, 6) }, logo).join(' ')}</p>`);
    out.push(`Summarise this:\n## Contributors\n<table><tr>${Array.from({ length: int(2, 6) }, avatar).join('')}</tr></table>`);
    out.push(
      `${pick(ASKS)}\n${Array.from({ length: int(3, 12) }, () => `${pick(['encode', 'decode', 'parse', 'hash'])}: ${pick(LIBS)} ${int(0, 3)}.${int(0, 20)}.${int(0, 30)} x ${int(1, 9)},${String(int(0, 999)).padStart(3, '0')} ops/sec ±${(rand() * 9).toFixed(2)}% (${int(5, 100)} runs sampled)`).join('\n')}\n\nMemory usage:\n${Array.from({ length: int(2, 6) }, () => `${pick(LIBS).padEnd(28)}${int(10000, 30000000)} bytes`).join('\n')}`,
    );
    const bytes = Array.from({ length: int(24, 600) }, () => int(0, 255));
    out.push(`${pick(ASKS)} ${rand() < 0.5 ? Buffer.from(bytes).toString('base64') : Buffer.from(bytes).toString('hex')}`);
    out.push(
      `${pick(ASKS)}\n${Array.from({ length: int(2, 12) }, () => [8, 4, 4, 4, 12].map((n) => Array.from({ length: n }, () => int(0, 15).toString(16)).join('')).join('-')).join('\n')}`,
    );
  }
  return out;
}
