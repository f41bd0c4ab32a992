import * as net from 'node:net';
import { format } from 'node:util';
import {
	AbstractMessageReader,
	ErrorCodes,
	IPCMessageReader,
	IPCMessageWriter,
	StreamMessageWriter,
	type DataCallback,
	type Disposable,
	type Message,
	type MessageReader,
	type MessageWriter,
} from 'vscode-languageserver/node';

/**
 * The largest JSON-RPC message body the server reads, in bytes: a page is at most a few MB (the
 * page budget refuses bodies over 1,000,000 characters anyway), so 64 MiB leaves room for any real
 * `didOpen` and keeps a runaway or hostile client from filling the server's memory.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** Header bytes without the blank line that ends them: past this the input is not JSON-RPC framing. */
const MAX_HEADER_BYTES = 16 * 1024;
/** How much of a refused body is kept to find its request id. */
const SNIFF_BYTES = 4096;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

/** What the guarded reader needs besides its stream. */
export interface GuardOptions {
	/** Bodies longer than this are skipped unread. */
	maxMessageBytes: number;
	/** Send an error response for a message that could not be read (-32700, -32600). */
	reply(message: Message): void;
	/** One line for the server's log. */
	log(line: string): void;
}

/**
 * A JSON-RPC reader over a byte stream (`Content-Length` framing, as LSP sends over stdio, sockets
 * and pipes) that never lets one message bring the server down:
 *
 * - a body longer than `maxMessageBytes` is skipped as it arrives, never buffered (its request, when
 *   its id can be found in the first bytes, gets an Invalid Request error);
 * - a body that is not JSON is answered with a Parse error (-32700, `id: null`, as JSON-RPC 2.0
 *   says when the id cannot be known), one that is JSON but no object with Invalid Request
 *   (-32600); the next message is read as usual;
 * - headers without `Content-Length`, or running past 16 KB without their end, are logged and
 *   dropped.
 *
 * vscode-jsonrpc's `StreamMessageReader` buffers any announced length and reports a bad body only
 * as a connection error, with no answer to the client.
 */
export class GuardedMessageReader extends AbstractMessageReader implements MessageReader {
	private chunks: Buffer[] = [];
	private buffered = 0;
	/** The body length being read; -1 while reading headers. */
	private bodyLength = -1;
	/** Bytes of a refused body still to skip. */
	private skipping = 0;
	private refused?: { length: number; head: Buffer[]; headBytes: number };

	constructor(
		private readonly stream: NodeJS.ReadableStream,
		private readonly options: GuardOptions,
	) {
		super();
	}

	listen(callback: DataCallback): Disposable {
		const onData = (data: Buffer | string): void => {
			try {
				this.onData(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, callback);
			} catch (err) {
				this.fireError(err);
			}
		};
		const onError = (err: Error): void => this.fireError(err);
		const onClose = (): void => this.fireClose();
		this.stream.on('data', onData);
		this.stream.on('error', onError);
		this.stream.on('end', onClose);
		this.stream.on('close', onClose);
		return {
			dispose: () => {
				this.stream.off('data', onData);
				this.stream.off('error', onError);
				this.stream.off('end', onClose);
				this.stream.off('close', onClose);
			},
		};
	}

	private onData(data: Buffer, callback: DataCallback): void {
		while (data.length) {
			if (this.skipping > 0) {
				const n = Math.min(this.skipping, data.length);
				this.keepHead(data.subarray(0, n));
				this.skipping -= n;
				data = data.subarray(n);
				if (this.skipping === 0) this.endRefused();
				continue;
			}
			this.chunks.push(data);
			this.buffered += data.length;
			data = Buffer.alloc(0);
			this.drain(callback);
		}
	}

	/** Read every complete message buffered. */
	private drain(callback: DataCallback): void {
		for (;;) {
			if (this.bodyLength < 0) {
				const all = this.peekAll();
				const end = all.indexOf(HEADER_END);
				if (end < 0) {
					if (this.buffered > MAX_HEADER_BYTES) {
						this.options.log(
							`disclosure-lint: dropped ${this.buffered} bytes of input that hold no JSON-RPC header (no blank line after the headers within ${MAX_HEADER_BYTES} bytes)`,
						);
						this.takeAll();
					}
					return;
				}
				const header = all.subarray(0, end).toString('ascii');
				this.chunks = [all.subarray(end + HEADER_END.length)];
				this.buffered = this.chunks[0].length;
				const length = contentLength(header);
				if (length === undefined) {
					this.options.log(
						`disclosure-lint: dropped a message without a valid Content-Length header: ${JSON.stringify(header.slice(0, 200))}`,
					);
					continue;
				}
				if (length > this.options.maxMessageBytes) {
					this.options.log(
						`disclosure-lint: refused a message of ${length} bytes (Content-Length), over the limit of ${this.options.maxMessageBytes} bytes (--max-message-bytes or DISCLOSURE_LINT_MAX_MESSAGE_BYTES); it is skipped unread`,
					);
					this.refused = { length, head: [], headBytes: 0 };
					this.skipping = length;
					if (this.buffered) {
						const rest = this.takeAll();
						const n = Math.min(this.skipping, rest.length);
						this.keepHead(rest.subarray(0, n));
						this.skipping -= n;
						if (n < rest.length) {
							this.chunks = [rest.subarray(n)];
							this.buffered = rest.length - n;
						}
						if (this.skipping === 0) {
							this.endRefused();
							continue;
						}
					}
					return;
				}
				this.bodyLength = length;
			}
			if (this.buffered < this.bodyLength) return;
			const all = this.peekAll();
			const body = all.subarray(0, this.bodyLength);
			this.chunks = this.bodyLength < all.length ? [all.subarray(this.bodyLength)] : [];
			this.buffered = all.length - this.bodyLength;
			this.bodyLength = -1;
			this.deliver(body, callback);
		}
	}

	private deliver(body: Buffer, callback: DataCallback): void {
		let message: unknown;
		try {
			message = JSON.parse(body.toString('utf8'));
		} catch (err) {
			this.options.log(
				`disclosure-lint: a message of ${body.length} bytes is not valid JSON (${(err as Error).message}); answered with a Parse error (-32700)`,
			);
			this.options.reply({
				jsonrpc: '2.0',
				id: null,
				error: {
					code: ErrorCodes.ParseError,
					message: `Parse error: the message is not valid JSON (${(err as Error).message})`,
				},
			} as Message);
			return;
		}
		if (message === null || typeof message !== 'object' || Array.isArray(message)) {
			this.options.log(
				`disclosure-lint: a message is JSON but not a JSON-RPC object; answered with Invalid Request (-32600)`,
			);
			this.options.reply({
				jsonrpc: '2.0',
				id: null,
				error: { code: ErrorCodes.InvalidRequest, message: 'Invalid Request: a message must be a JSON object' },
			} as Message);
			return;
		}
		callback(message as Message);
	}

	/** Keep the first bytes of a refused body, to find its id. */
	private keepHead(part: Buffer): void {
		const r = this.refused;
		if (!r || r.headBytes >= SNIFF_BYTES) return;
		const slice = part.subarray(0, SNIFF_BYTES - r.headBytes);
		r.head.push(Buffer.from(slice));
		r.headBytes += slice.length;
	}

	/** A refused body was skipped: answer its request when its id is known. */
	private endRefused(): void {
		const r = this.refused;
		this.refused = undefined;
		if (!r) return;
		const id = requestId(Buffer.concat(r.head).toString('utf8'));
		if (id === undefined) return;
		this.options.reply({
			jsonrpc: '2.0',
			id,
			error: {
				code: ErrorCodes.InvalidRequest,
				message: `Invalid Request: the message has ${r.length} bytes, over the server's limit of ${this.options.maxMessageBytes} bytes`,
			},
		} as Message);
	}

	private peekAll(): Buffer {
		if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
		return this.chunks[0] ?? Buffer.alloc(0);
	}

	private takeAll(): Buffer {
		const all = this.peekAll();
		this.chunks = [];
		this.buffered = 0;
		return all;
	}
}

/** The Content-Length of a header block, when it has exactly one valid value. */
function contentLength(header: string): number | undefined {
	let value: number | undefined;
	for (const line of header.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
		const v = line.slice(colon + 1).trim();
		if (!/^\d{1,15}$/.test(v)) return undefined;
		value = Number(v);
	}
	return value;
}

/**
 * The id of a request from the first bytes of its body, when it comes before `params` (where nested
 * objects could hold other `id`s): vscode-jsonrpc and most clients write `jsonrpc`, `id`, `method`
 * first. Undefined for a notification or when it cannot be told.
 */
export function requestId(head: string): number | string | undefined {
	const params = head.indexOf('"params"');
	const before = params < 0 ? head : head.slice(0, params);
	if (!/"method"\s*:/.test(before)) return undefined;
	const m = /"id"\s*:\s*(-?\d{1,15}|"(?:[^"\\]|\\.){0,200}")\s*[,}]/.exec(before);
	if (!m) return undefined;
	return m[1].startsWith('"') ? (JSON.parse(m[1]) as string) : Number(m[1]);
}

/** The transport chosen on the command line, as vscode-languageserver reads it, with the reader guarded. */
export interface Transport {
	reader: MessageReader;
	writer: MessageWriter;
	/** Whether stdin/stdout carry the protocol (then nothing else may write to stdout). */
	stdio: boolean;
	/** The input stream that ends the server when it closes (stdin, as vscode-languageserver does over stdio). */
	input?: NodeJS.EventEmitter;
	/** Also send the reader's log lines here (the connection's console, once it can take them). */
	setLog(log: (line: string) => void): void;
}

/** The message size limit from `--max-message-bytes=N` (or `--max-message-bytes N`) or the environment. */
export function maxMessageBytes(argv: string[], env: NodeJS.ProcessEnv = process.env): number {
	const i = argv.findIndex((a) => a === '--max-message-bytes' || a.startsWith('--max-message-bytes='));
	const raw =
		i < 0
			? env.DISCLOSURE_LINT_MAX_MESSAGE_BYTES
			: argv[i].includes('=')
				? argv[i].slice(argv[i].indexOf('=') + 1)
				: argv[i + 1];
	const n = Number(raw);
	return raw !== undefined && raw !== '' && Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_MESSAGE_BYTES;
}

/**
 * The reader and writer of `--stdio` (default), `--socket=N`, `--pipe=NAME` or `--node-ipc`. Stream
 * transports get the {@link GuardedMessageReader}; node-ipc messages are framed and parsed by Node's
 * IPC channel itself, so they are taken as they come.
 */
export function createTransport(argv: string[] = process.argv.slice(2)): Transport {
	let extra: ((line: string) => void) | undefined;
	const log = (line: string): void => {
		process.stderr.write(`${line}\n`);
		extra?.(line);
	};
	const setLog = (l: (line: string) => void): void => {
		extra = l;
	};
	const value = (name: string): string | undefined => {
		const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
		if (i < 0) return undefined;
		return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
	};
	if (argv.includes('--node-ipc'))
		return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false, setLog };
	const max = maxMessageBytes(argv);
	const guarded = (stream: NodeJS.ReadableStream, writer: MessageWriter): MessageReader =>
		new GuardedMessageReader(stream, {
			maxMessageBytes: max,
			reply: (m) => void writer.write(m).catch(() => undefined),
			log,
		});
	const port = value('--socket');
	const pipe = value('--pipe');
	if (port !== undefined || pipe !== undefined) {
		const socket =
			port !== undefined ? net.createConnection(Number(port), '127.0.0.1') : net.createConnection(pipe!);
		const writer = new StreamMessageWriter(socket);
		return { reader: guarded(socket, writer), writer, stdio: false, setLog };
	}
	const writer = new StreamMessageWriter(process.stdout);
	return { reader: guarded(process.stdin, writer), writer, stdio: true, input: process.stdin, setLog };
}

/**
 * Over stdio, stdout carries the protocol: anything a library prints with `console` goes to stderr
 * instead (vscode-languageserver does the same when it opens stdio itself).
 */
export function keepStdoutForProtocol(): void {
	const toStderr = (...args: unknown[]): void => {
		process.stderr.write(`${format(...args)}\n`);
	};
	console.log = toStderr;
	console.info = toStderr;
	console.debug = toStderr;
	console.warn = toStderr;
	console.error = toStderr;
}
