import { isIP } from 'node:net';
import type { Resolver } from '../../src/modules/delivery/safe-fetch.js';

/**
 * DNS as a test scripts it: the n-th lookup of any name answers `answers[n]` (the last one
 * repeats; `'hang'` never answers), so a name can resolve one way when the endpoint is checked
 * and another when the socket connects. Names under `.test` exist nowhere else (RFC 6761).
 */
export function scriptedDns(...answers: (string[] | 'hang')[]) {
  const asked: string[] = [];
  const resolve: Resolver = (hostname) => {
    const answer = answers[Math.min(asked.length, answers.length - 1)]!;
    asked.push(hostname);
    if (answer === 'hang') return new Promise(() => {});
    return Promise.resolve(answer.map((address) => ({ address, family: isIP(address) })));
  };
  return { resolve, asked };
}
