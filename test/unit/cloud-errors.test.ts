// How SDK errors become Duet's cloud error codes, and how long a cloud asks us to wait.
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { classifyCloudError, retryAfterMs } from '../../src-main/cloud/cloud-errors.js';

const statusError = (status: number, body: object = { message: 'nope' }, headers: Record<string, string> = {}): APIError =>
  APIError.generate(status, { error: body }, undefined, new Headers(headers));

describe('classifyCloudError', () => {
  it('maps HTTP statuses to codes, retrying only what may pass', () => {
    const cases: Array<[number, string, boolean]> = [
      [400, 'cloud_bad_request', false],
      [401, 'cloud_auth', false],
      [403, 'cloud_auth', false],
      [404, 'cloud_bad_request', false],
      [408, 'cloud_timeout', true],
      [409, 'cloud_server_error', true],
      [422, 'cloud_bad_request', false],
      [429, 'cloud_rate_limited', true],
      [500, 'cloud_server_error', true],
      [502, 'cloud_server_error', true],
      [503, 'cloud_server_error', true],
    ];
    for (const [status, code, retryable] of cases) {
      expect(classifyCloudError(statusError(status)), `HTTP ${status}`).toMatchObject({ code, retryable, status });
    }
  });

  it('does not retry a 429 that means the quota is spent', () => {
    const failure = classifyCloudError(statusError(429, { message: 'You exceeded your current quota', code: 'insufficient_quota' }));
    expect(failure).toMatchObject({ code: 'cloud_rate_limited', retryable: false });
  });

  it("keeps the cloud's own words in the detail", () => {
    expect(classifyCloudError(statusError(404, { message: "The model 'x' does not exist" })).detail).toBe("HTTP 404: The model 'x' does not exist");
  });

  it('maps connection failures and time-outs', () => {
    const refused = new APIConnectionError({
      cause: Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) }),
    });
    expect(classifyCloudError(refused)).toMatchObject({ code: 'cloud_unreachable', retryable: true, detail: 'ECONNREFUSED' });
    expect(classifyCloudError(new APIConnectionTimeoutError())).toMatchObject({ code: 'cloud_timeout', retryable: false });
    const dropped = Object.assign(new TypeError('terminated'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    expect(classifyCloudError(dropped)).toMatchObject({ code: 'cloud_unreachable', detail: 'other side closed' });
    expect(classifyCloudError(new SyntaxError('Unexpected token <'))).toMatchObject({ code: 'cloud_server_error', retryable: false });
  });
});

describe('retryAfterMs', () => {
  it('reads retry-after-ms first, then retry-after in seconds or as a date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': '0.5' }))).toBe(500);
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    expect(retryAfterMs(new Headers({ 'retry-after': inTenSeconds }))).toBeGreaterThan(8_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeNull();
    expect(retryAfterMs(new Headers())).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });

  it('is carried on a classified 429', () => {
    expect(classifyCloudError(statusError(429, {}, { 'retry-after': '3' })).retryAfterMs).toBe(3000);
  });
});
