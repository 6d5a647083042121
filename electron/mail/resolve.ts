import { promises as dns } from 'node:dns';

/** Resolves a host name to all its addresses; `dns.promises.lookup` fits, tests pass their own. */
export type LookupFunction = (hostname: string, options: { all: true }) => Promise<{ address: string; family: number }[]>;

export const systemLookup: LookupFunction = (hostname, options) => dns.lookup(hostname, options);
