/**
 * Which IP addresses the online link checker must not request by default (docs/security.md#network):
 * loopback, private networks, link-local, unspecified, multicast and reserved ranges, in IPv4 and
 * IPv6, including IPv4 embedded in IPv6 (mapped, compatible, NAT64, 6to4). Pure functions: the Node
 * layer resolves host names and asks here about every address before it connects.
 */

/** Why an address is not requested. */
export type AddressKind =
	| 'loopback'
	| 'private'
	| 'shared'
	| 'link-local'
	| 'unspecified'
	| 'multicast'
	| 'reserved'
	| 'metadata';

/**
 * Cloud metadata services: never requested, not even with `links.allowPrivate` (a disclosure page has
 * no business linking there, and from CI they hand out credentials).
 */
const METADATA = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2:0:0:0:0:0:254']);

/** The four bytes of a dotted-quad IPv4 address, or undefined. */
function ipv4Bytes(text: string): number[] | undefined {
	const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
	if (!m) return undefined;
	const bytes = m.slice(1).map(Number);
	return bytes.every((b) => b <= 255) ? bytes : undefined;
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped, embedded dotted quad allowed), or undefined. */
function ipv6Groups(text: string): number[] | undefined {
	let s = text
		.replace(/^\[(.*)\]$/, '$1')
		.replace(/%.*$/, '')
		.toLowerCase();
	if (!s.includes(':')) return undefined;
	const last = s.lastIndexOf(':');
	if (s.slice(last + 1).includes('.')) {
		const b = ipv4Bytes(s.slice(last + 1));
		if (!b) return undefined;
		s = `${s.slice(0, last + 1)}${((b[0] << 8) | b[1]).toString(16)}:${((b[2] << 8) | b[3]).toString(16)}`;
	}
	const parts = s.split('::');
	if (parts.length > 2) return undefined;
	const parse = (p: string): number[] | undefined => {
		if (p === '') return [];
		const out: number[] = [];
		for (const g of p.split(':')) {
			if (!/^[0-9a-f]{1,4}$/.test(g)) return undefined;
			out.push(parseInt(g, 16));
		}
		return out;
	};
	const head = parse(parts[0]);
	const rest = parts.length === 2 ? parse(parts[1]) : [];
	if (!head || !rest) return undefined;
	const known = head.length + rest.length;
	if (parts.length === 1) return known === 8 ? head : undefined;
	if (known > 7) return undefined;
	return [...head, ...Array<number>(8 - known).fill(0), ...rest];
}

function kindOfIpv4(b: number[]): AddressKind | undefined {
	const [a, c] = b;
	if (a === 0) return 'unspecified'; // 0.0.0.0/8 "this network"
	if (a === 127) return 'loopback';
	if (a === 10 || (a === 172 && c >= 16 && c <= 31) || (a === 192 && c === 168)) return 'private';
	if (a === 100 && c >= 64 && c <= 127) return 'shared'; // 100.64.0.0/10, carrier-grade NAT
	if (a === 169 && c === 254) return 'link-local';
	if (a === 192 && c === 0 && b[2] === 0) return 'reserved'; // 192.0.0.0/24 protocol assignments
	if (a === 198 && (c === 18 || c === 19)) return 'reserved'; // benchmarking
	if (a >= 224 && a <= 239) return 'multicast';
	if (a >= 240) return 'reserved'; // 240/4 and broadcast
	return undefined;
}

function kindOfIpv6(g: number[]): AddressKind | undefined {
	const v4 = (hi: number, lo: number): number[] => [hi >> 8, hi & 255, lo >> 8, lo & 255];
	const zeros = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
	if (g.every((x) => x === 0)) return 'unspecified';
	if (zeros(7) && g[7] === 1) return 'loopback';
	if (isMapped(g)) return kindOfIpv4(v4(g[6], g[7])); // ::ffff:a.b.c.d
	if (zeros(6)) return kindOfIpv4(v4(g[6], g[7])) ?? 'reserved'; // ::a.b.c.d (deprecated)
	if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return kindOfIpv4(v4(g[6], g[7])); // NAT64
	if (g[0] === 0x2002) return kindOfIpv4(v4(g[1], g[2])); // 6to4
	if ((g[0] & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
	if ((g[0] & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
	if ((g[0] & 0xffc0) === 0xfec0) return 'private'; // fec0::/10 site-local (deprecated)
	if ((g[0] & 0xff00) === 0xff00) return 'multicast';
	return undefined;
}

/** Is this an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`)? */
function isMapped(g: number[]): boolean {
	return g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;
}

/** The dotted quad of an IPv4-mapped IPv6 address. */
function mappedText(g: number[]): string {
	return `${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}`;
}

/** The canonical text of an address, for the metadata list (IPv6 uncompressed, IPv4-mapped as IPv4). */
function canonical(address: string): string {
	const g = ipv6Groups(address);
	if (!g) return address;
	return isMapped(g) ? mappedText(g) : g.map((x) => x.toString(16)).join(':');
}

/**
 * What kind of non-public address this is, or undefined for a public (requestable) one. Text that
 * is not an IP address at all counts as `reserved`: only checked addresses are connected to.
 */
export function addressKind(address: string): AddressKind | undefined {
	if (METADATA.has(canonical(address))) return 'metadata';
	const b = ipv4Bytes(address);
	if (b) return kindOfIpv4(b);
	const g = ipv6Groups(address);
	if (g) return kindOfIpv6(g);
	return 'reserved';
}

/**
 * The default policy: the kind that keeps `address` from being requested, or undefined when it may
 * be. `allowPrivate` lets every kind through except cloud metadata addresses.
 */
export function blockedAddress(address: string, allowPrivate = false): AddressKind | undefined {
	const kind = addressKind(address);
	if (!kind) return undefined;
	if (kind === 'metadata') return kind;
	return allowPrivate ? undefined : kind;
}

/** How an address is shown: as given, an IPv4-mapped IPv6 address as its IPv4 address. */
function shown(address: string): string {
	const g = ipv6Groups(address);
	return g && isMapped(g) ? mappedText(g) : address;
}

/** The reason a link to a blocked address gets (its verdict is `unverified`); English, Thai in `localizedReason`. */
export function blockedReason(kind: AddressKind, address: string): string {
	if (kind === 'metadata') return `cloud metadata address, never requested (${shown(address)})`;
	return `private address, not requested (${kind} ${shown(address)}; links.allowPrivate allows it)`;
}
